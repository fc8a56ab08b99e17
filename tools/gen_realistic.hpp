// The "realistic" profile of the synthetic export generator (gen_export --profile realistic).
//
// The classic profile encodes our own beliefs (half the network silent, a tenth awaiting a reply,
// most threads recent). Thirteen real exports (2021-2026, 400 to 9,000 connections, "today" = the
// day after the export's last message) look very different, and the scoring must be judged on
// data shaped like them:
//  - the other person wrote last in 41-78 % of one-to-one conversations (aim ~60 %);
//  - those last messages are old: median age 280-2,750 days (aim ~900), only 0.2-8 % within 30
//    days (aim ~3 %), a long tail over ~12 years;
//  - 6-63 % of them are 40 characters or less, many closing notes ("Thanks!", "Obrigada", "👍")
//    in seven languages (aim ~30 % closing notes), plus LinkedIn's system rows written as if the
//    other person sent them ("<Name> accepted your invitation", "Message request accepted");
//  - 2-106 connections made in the last 30 days with no message (aim ~1 %, at least 3), some
//    after an invitation with a personal note;
//  - a few % strong ties fading (20+ messages both ways, last exchange 4-18 months ago), a handful
//    of fresh threads awaiting the owner's reply, a few where the owner's recent message got no
//    answer.
// Everything else (spam, "LinkedIn Member", InMails, sponsored messages, group threads, formats,
// endorsements, recommendations) is the classic generator's.
//
// Included by gen_export_lib.hpp after Person, Conv, Inv and Msg, before the Generator that uses
// it. Deterministic like the rest: only Rng draws and IEEE arithmetic (+ - * /), no libm.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rkgen {

namespace realistic_text {

// Short closing notes in the seven languages seen in real exports. All of 40 characters or less.
static const char* const kClosingNotes[] = {
    "Thanks!", "Thank you!", "Thanks a lot!", "Thank you so much 🙏", "Thanks, you too!", "👍", "🙏", "🙌",
    "Sounds good", "Sounds good!", "Great, thanks!", "Perfect, thanks", "Likewise!", "Cheers!", "Will do!",
    "Congrats!", "Congratulations! 🎉", "Haha 😂", "Ok, thanks", "You too!",
    "Obrigada", "Obrigado!", "Muito obrigado!", "Valeu!", "Parabéns!", "De nada",
    "¡Gracias!", "Muchas gracias", "Gracias 🙂", "¡Felicidades!", "Con gusto",
    "Merci !", "Merci beaucoup", "Félicitations !", "Avec plaisir",
    "Danke", "Danke dir!", "Vielen Dank!", "Gern geschehen", "Herzlichen Glückwunsch!",
    "Grazie mille", "Grazie!", "Complimenti!", "Prego",
    "Dank je", "Dank je wel!", "Bedankt!", "Gefeliciteerd!", "Graag gedaan"};

static const char* const kMessageRequestAccepted = "Message request accepted";
static const char* const kAcceptedSuffix = " accepted your invitation";

}  // namespace realistic_text

// A closing note as the realistic profile writes it (exact text).
inline bool is_closing_note(std::string_view s) {
  for (const char* c : realistic_text::kClosingNotes)
    if (s == c) return true;
  return false;
}

// One of LinkedIn's system rows the realistic profile writes in the other person's name.
inline bool is_system_row(std::string_view s) {
  const std::string_view suffix = realistic_text::kAcceptedSuffix;
  return s == realistic_text::kMessageRequestAccepted ||
         (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix);
}

// Characters (UTF-8 code points), as a person counts a message's length.
inline size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (uint8_t(c) & 0xC0) != 0x80;
  return n;
}

namespace detail {

// What the realistic profile does with one connection.
enum Plan : uint8_t {
  kPlanSilent = 0,     // no message; connected years ago
  kPlanNewSilent,      // connected in the last 30 days, no message
  kPlanStrongFading,   // long two-way thread, last exchange 4-18 months ago
  kPlanFreshAwaiting,  // they wrote last within 30 days, a real message
  kPlanOwnerRecent,    // the owner wrote last within 30 days, no answer since
  kPlanThread,         // everything else with a thread: ages from the long-tailed table
};

// How a realistic 1:1 thread ends (Conv::ending).
enum Ending : uint8_t {
  kEndAny = 0,        // classic profile: not shaped here
  kEndThemReal,       // they wrote last, a real message (some with questions)
  kEndThemClosing,    // they wrote last, a closing note right after the owner's message
  kEndThemAccepted,   // "<Name> accepted your invitation" after the owner's note (1-2 messages)
  kEndThemRequest,    // "Message request accepted" after the owner's message(s) (2-3 messages)
  kEndOwner,          // both wrote, the owner last
  kEndOwnerOnly,      // only the owner wrote (1-3 messages)
};

namespace realistic {

// Real last messages from the other person: longer than a closing note, never one of them.
static const char* const kRealLast[] = {
    "Hi {me}, are you still working on the data platform? Would love to pick your brain.",
    "Hey {me}! Are you going to be at the summit in March? Would be great to catch up.",
    "Thanks for the intro to Marta, we're meeting next Tuesday. I'll keep you posted on how it goes.",
    "I'm putting together a small panel on hiring in tech. Would you be up for joining us?",
    "Do you know anyone at Stripe who works on partnerships? I'd appreciate an intro.",
    "We just closed our seed round 🎉 Would love to tell you more over coffee if you have time.",
    "Sorry for the silence, things got crazy here. Is the offer to review my CV still open?",
    "Any chance your team is hiring? Mine was affected by the layoffs last week.",
    "Quick one: which tool did you end up using for the migration? We're evaluating options.",
    "I've attached the proposal we discussed. Let me know what you think when you get a chance.",
    "Great talking to you yesterday. Here's the article I mentioned: https://example.com/blog/scaling-teams",
    "I'll be in Berlin from the 12th to the 15th, any chance for a coffee?",
    "Would you be open to a 20-minute call about an advisory role at {company}?",
    "Just wanted to say your post about onboarding really resonated with our team.",
    "Happy to share the slides. What's the best e-mail to send them to?",
    "We're organising an alumni dinner on 14 Dec. Can I count you in?",
    "Hope all is well! I'm back in the job market and would really value your advice.",
    "Following up on my last message: did you get a chance to look at the deck?",
    "Hola {me}, ¿tienes un rato esta semana para hablar del proyecto?",
    "Te mando la propuesta por correo. ¿Te parece bien si hablamos el jueves?",
    "Oi {me}, tudo bem? Vi que você mudou de empresa, parabéns! Podemos conversar?",
    "Obrigado pela indicação! Consegui a entrevista para a próxima semana.",
    "Salut {me}, tu serais dispo pour un café la semaine prochaine ?",
    "Le lien vers le document : https://example.com/doc/4711, dis-moi si tu as des questions.",
    "Hallo {me}, hättest du nächste Woche Zeit für ein kurzes Gespräch?",
    "Ich schicke dir die Unterlagen bis Freitag, passt das für dich?",
    "Ciao {me}, ti andrebbe di sentirci per una call la prossima settimana?",
    "Hoi {me}, heb je binnenkort tijd om even bij te praten over de vacature?",
};

static const char* const kInviteNotes[] = {
    "Hi {me}, we met at the product meetup last Thursday. Would love to stay in touch!",
    "Hello {me}, I'm building a team at {company} and your background caught my eye.",
    "Hi {me}, fellow alum here 🎓 Let's connect!",
    "Bonjour {me}, ravi d'avoir échangé hier. Restons en contact !",
    "Hola {me}, me encantó tu charla en la conferencia. ¡Conectemos!",
    "Oi {me}, adorei a sua palestra. Vamos nos conectar?",
    "Hallo {me}, danke für das Gespräch beim Workshop. Lass uns vernetzt bleiben.",
    "Ciao {me}, piacere di averti conosciuto all'evento!",
    "I enjoyed your talk on \"distributed systems\", thanks for sharing."};
static const char* const kOwnerNotes[] = {
    "Hi {them}, great to meet you at the conference. Let's stay in touch!",
    "Hi {them}, I'd love to hear more about your work at {company}.",
    "Hallo {them}, schön, dich beim Meetup kennengelernt zu haben!"};

// Age in days of a thread's last message: a piecewise-linear quantile table (median ~950, 2 %
// within 30 days, a tail to ~12 years). Plain interpolation, so every platform gives the same day.
inline int64_t thread_age_days(Rng& r) {
  static const double kU[] = {0, 0.02, 0.10, 0.25, 0.50, 0.75, 0.90, 1.0};
  static const double kDays[] = {1, 30, 150, 420, 950, 1800, 2900, 4300};
  const double u = r.unit();
  for (size_t i = 1; i < sizeof kU / sizeof kU[0]; ++i)
    if (u <= kU[i]) return int64_t(kDays[i - 1] + (u - kU[i - 1]) / (kU[i] - kU[i - 1]) * (kDays[i] - kDays[i - 1]));
  return 4300;
}

inline bool them_last(uint8_t ending) { return ending >= kEndThemReal && ending <= kEndThemRequest; }

}  // namespace realistic

// The realistic profile's planning, thread shaping and counting, on the Generator's records.
class Realistic {
 public:
  Realistic(const Options& o, const Person& owner, std::vector<Person>& people, std::vector<Conv>& convs,
            std::vector<Inv>& invitations)
      : o_(o), owner_(owner), people_(people), convs_(convs), invitations_(invitations) {}

  // Gives every connection a Plan (a seeded shuffle, so names stay those of the classic profile).
  void assign_plans() {
    Rng r(mix(o_.seed, 0x8EA1));
    const int n = o_.connections;
    std::vector<int> order(size_t(std::max(0, n)));
    for (int i = 0; i < n; ++i) order[size_t(i)] = i;
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r.below(i)]);
    // The special kinds first, so that a tiny network still gets them, then 45 % with a thread.
    const int quota[] = {std::max(3, n / 100), std::max(2, n / 200), std::max(2, n / 250), std::max(2, n / 50)};
    const Plan kinds[] = {kPlanNewSilent, kPlanFreshAwaiting, kPlanOwnerRecent, kPlanStrongFading};
    size_t k = 0;
    for (int q = 0; q < 4; ++q)
      for (int j = 0; j < quota[q] && k < order.size(); ++j) people_[size_t(order[k++])].plan = kinds[q];
    for (const size_t threads = size_t(n) * 45 / 100; k < order.size(); ++k)
      people_[size_t(order[k])].plan = k < threads ? kPlanThread : kPlanSilent;
    for (int i = 0; i < n; ++i) people_[size_t(i)].state = kSilent;  // set from the threads when written
  }

  // The 1:1 threads, within `budget` messages, and every connection's date.
  void plan_threads(Rng& r, int budget) {
    std::vector<size_t> one;
    for (size_t i = 0; i < size_t(std::max(0, o_.connections)); ++i)
      if (people_[i].plan >= kPlanStrongFading) one.push_back(i);
    std::vector<Conv> planned;
    for (size_t i : one) planned.push_back(thread_for(r, people_[i], int(i)));
    // Not enough budget for the minimums (odd custom sizes): the last ones get no thread.
    auto need = [&] {
      long s = 0;
      for (const Conv& c : planned) s += c.count;
      return s;
    };
    while (!planned.empty() && need() > budget) {
      people_[size_t(planned.back().people[0])].plan = kPlanSilent;
      planned.pop_back();
    }
    if (planned.empty() && budget > 0 && o_.connections > 0) {  // everything left goes to one thread
      people_[0].plan = kPlanThread;
      planned.push_back(thread_for(r, people_[0], 0));
      planned.back().ending = kEndOwner;
      planned.back().count = 1;
    }
    spread(r, planned, budget - need());
    // Nowhere else to put them. (Not when the other kinds overspent: the classic profile adds a
    // negative budget there and leaves a conversation with no message for tiny --messages.)
    if (planned.empty() && !convs_.empty() && budget > 0) convs_.back().count += budget;
    for (Conv& c : planned) {
      Person& p = people_[size_t(c.people[0])];
      c.span = std::max<int64_t>(int64_t(c.count) * 120, span_days(r, c) * 86400 + r.range(600, 86399));
      const int32_t first_day = int32_t((c.last - c.span) / 86400);
      if (c.ending == kEndThemAccepted) p.connected_on = int32_t(c.last / 86400);  // that row is the acceptance
      else p.connected_on = first_day - int32_t(r.chance(0.55) ? r.range(0, 14) : r.range(0, 1200));
      if (c.plan == kPlanStrongFading && r.chance(0.2)) c.folder = "ARCHIVE";
      convs_.push_back(std::move(c));
    }
    for (int i = 0; i < o_.connections; ++i) {
      Person& p = people_[size_t(i)];
      if (p.plan == kPlanNewSilent) p.connected_on = o_.today - 1 - int32_t(r.range(0, 29));
      else if (p.plan == kPlanSilent) {
        const double x = r.unit();
        p.connected_on = o_.today - 31 - int32_t(x * x * 365 * 15);
      }
    }
  }

  // Invitations: every new silent connection came through one (half of them theirs with a note);
  // then older accepted ones and pending ones both ways, like the classic profile.
  template <typename NewOutsider>
  void plan_invitations(Rng& r, NewOutsider&& new_outsider) {
    const int n = o_.connections;
    std::vector<int> old_silent;
    for (int i = 0; i < n; ++i) {
      Person& p = people_[size_t(i)];
      if (p.plan == kPlanSilent) old_silent.push_back(i);
      if (p.plan != kPlanNewSilent) continue;
      const double x = r.unit();
      Inv inv{i, x < 0.75, int64_t(p.connected_on) * 86400 + r.range(7 * 3600, 22 * 3600) - r.range(0, 2) * 86400,
              ""};
      if (x < 0.5 || (!inv.incoming && r.chance(0.3))) inv.note = note(r, i, inv.incoming);
      push(std::move(inv));
    }
    for (int i = 0, total = std::max(4, n / 25); i < total; ++i) {
      const double x = r.unit();
      Inv inv{-1, x < 0.25 || (x >= 0.5 && x < 0.75), 0, ""};
      if (x < 0.5 && !old_silent.empty()) {  // accepted: a connection made 31-1500 days ago
        const size_t k = r.below(old_silent.size());
        inv.person = old_silent[k];
        old_silent.erase(old_silent.begin() + std::ptrdiff_t(k));
        inv.time = today_t() - r.range(31, 1500) * 86400 - r.range(0, 86399);
        people_[size_t(inv.person)].connected_on = int32_t(inv.time / 86400);
      } else {  // pending: not a connection
        inv.person = new_outsider(r);
        inv.time = today_t() - r.range(1, 600) * 86400 - r.range(0, 86399);
      }
      if (r.chance(0.4)) inv.note = note(r, inv.person, inv.incoming);
      push(std::move(inv));
    }
    std::sort(invitations_.begin(), invitations_.end(), [](const Inv& a, const Inv& b) { return a.time > b.time; });
  }

  // Senders of a 1:1 thread (drawn 50/50 by the caller) bent to its ending; the owner's message
  // before a closing note or a system row comes shortly before it.
  void shape(Rng& r, const Conv& c, std::vector<Msg>& msgs) const {
    const int other = c.people[0];
    const size_t n = msgs.size();
    if (c.plan == kPlanStrongFading) {  // both sides well represented
      size_t theirs = 0;
      for (const Msg& m : msgs) theirs += m.sender == other;
      if (theirs < n / 4 || n - theirs < n / 4)
        for (size_t k = 0; k < n; ++k) msgs[k].sender = k % 2 ? other : -1;
    }
    switch (c.ending) {
      case kEndThemAccepted:
      case kEndThemRequest:
        for (Msg& m : msgs) m.sender = -1;
        [[fallthrough]];
      case kEndThemClosing:
        if (n >= 2) msgs[n - 2].sender = -1;
        [[fallthrough]];
      case kEndThemReal: msgs[n - 1].sender = other; break;
      case kEndOwnerOnly:
        for (Msg& m : msgs) m.sender = -1;
        break;
      case kEndOwner:
        msgs[n - 1].sender = -1;
        if (n >= 2 && std::none_of(msgs.begin(), msgs.end() - 1, [&](const Msg& m) { return m.sender == other; }))
          msgs[n - 2].sender = other;
        break;
      default: break;
    }
    if (n >= 2 && c.ending >= kEndThemClosing && c.ending <= kEndThemRequest) {
      const int64_t t = msgs[n - 1].time - r.range(90, 2 * 86400);
      if (t > (n >= 3 ? msgs[n - 3].time : INT64_MIN)) msgs[n - 2].time = t;
    }
  }

  // The text of their last message, for the endings that fix it.
  std::string last_text(Rng& r, const Conv& c, const Person& them) const {
    std::string s;
    switch (c.ending) {
      case kEndThemClosing: return r.pick(realistic_text::kClosingNotes);
      case kEndThemAccepted: return them.name() + realistic_text::kAcceptedSuffix;
      case kEndThemRequest: return realistic_text::kMessageRequestAccepted;
      default: s = r.pick(realistic::kRealLast);
    }
    fill(s, them);
    return s;
  }

  // Counts one written conversation (spam excluded by the caller): `last` is its newest message.
  void count(const Conv& c, const std::vector<Msg>& msgs, std::string_view last) {
    if (c.kind == kOneToOne) people_[size_t(c.people[0])].state = state_of(c, msgs);
    if ((c.kind != kOneToOne && c.kind != kInMail && c.kind != kSponsored) || msgs.empty()) return;
    const int other = c.people[0];
    const int64_t age = int64_t(o_.today) - day(msgs.back().time);
    counts_.one_to_one++;
    if (msgs.back().sender == other) {
      counts_.last_by_them++;
      ages_.push_back(int32_t(age));
      const bool closing = is_closing_note(last), system = is_system_row(last);
      counts_.closing_last += closing;
      counts_.system_last += system;
      counts_.last_by_them_short += code_points(last) <= 40;
      counts_.last_by_them_within_30d += age <= 30;
      counts_.fresh_awaiting += age <= 30 && !closing && !system;
    } else if (msgs.back().sender == -1) {
      counts_.owner_last_within_30d += age <= 30;
    }
    if (c.kind != kOneToOne || msgs.size() < 20 || age < 120 || age > 548) return;
    size_t theirs = 0;
    for (const Msg& m : msgs) theirs += m.sender == other;
    counts_.strong_fading += theirs >= 5 && msgs.size() - theirs >= 5;
  }

  // The counts that need every record: new silent connections, the median age.
  void finish(Manifest& m) {
    std::vector<bool> threaded(people_.size());
    for (const Conv& c : convs_)
      if (c.kind == kOneToOne) threaded[size_t(c.people[0])] = true;
    for (int i = 0; i < o_.connections; ++i) {
      const Person& p = people_[size_t(i)];
      if (!threaded[size_t(i)] && p.connected_on >= o_.today - 30) counts_.new_silent_connections_30d++;
    }
    for (const Inv& inv : invitations_) {
      const Person& p = people_[size_t(inv.person)];
      if (inv.incoming && !inv.note.empty() && inv.person < o_.connections && !threaded[size_t(inv.person)] &&
          p.connected_on >= o_.today - 30)
        counts_.new_invited_with_note++;
    }
    if (!ages_.empty()) {
      std::sort(ages_.begin(), ages_.end());
      counts_.last_by_them_median_age_days = ages_[(ages_.size() - 1) / 2];
    }
    m.realistic = counts_;
  }

 private:
  const Options& o_;
  const Person& owner_;
  std::vector<Person>& people_;
  std::vector<Conv>& convs_;
  std::vector<Inv>& invitations_;
  RealisticCounts counts_;
  std::vector<int32_t> ages_;

  int64_t today_t() const { return int64_t(o_.today) * 86400; }
  static int64_t day(int64_t t) { return t >= 0 ? t / 86400 : (t - 86399) / 86400; }

  // The plan's thread: ending, minimum message count (raised by spread()) and last message time.
  Conv thread_for(Rng& r, const Person& p, int index) {
    Conv c;
    c.kind = kOneToOne;
    c.people.push_back(index);
    c.plan = p.plan;
    int64_t age = 0;
    switch (p.plan) {
      case kPlanStrongFading:
        age = r.range(120, 548);
        c.ending = r.chance(0.55) ? kEndOwner : r.chance(0.3) ? kEndThemClosing : kEndThemReal;
        c.count = 20;
        break;
      case kPlanFreshAwaiting:
        age = fresh_++ == 0 ? 1 : r.range(1, 30);  // the export's newest message: today is the day after
        c.ending = kEndThemReal;
        break;
      case kPlanOwnerRecent:
        age = r.range(1, 30);
        c.ending = r.chance(0.5) ? kEndOwnerOnly : kEndOwner;
        break;
      default: {
        age = realistic::thread_age_days(r);
        const double x = r.unit();
        c.ending = x < 0.20 ? kEndThemClosing
                   : x < 0.23 ? kEndThemAccepted
                   : x < 0.27 ? kEndThemRequest
                   : x < 0.60 ? kEndThemReal
                   : x < 0.72 ? kEndOwnerOnly
                              : kEndOwner;
      }
    }
    if (c.count == 0)
      c.count = c.ending == kEndThemAccepted ? int(r.range(1, 2))
                : c.ending == kEndThemRequest ? int(r.range(2, 3))
                : c.ending == kEndOwnerOnly ? int(r.range(1, 3))
                : c.ending == kEndThemClosing || c.ending == kEndOwner ? 2
                                                                       : 1;
    c.last = today_t() - age * 86400 + r.range(7 * 3600, 22 * 3600);
    return c;
  }

  // Spreads the spare messages over the threads: most stay short, a few get long (and the strong
  // ties longer still). Short fixed endings (system rows, owner-only) take none.
  void spread(Rng& r, std::vector<Conv>& planned, long spare) const {
    std::vector<double> w(planned.size());
    double total = 0;
    for (size_t k = 0; k < planned.size(); ++k) {
      const Conv& c = planned[k];
      const double x = r.unit();
      const bool fixed = c.ending == kEndThemAccepted || c.ending == kEndThemRequest || c.ending == kEndOwnerOnly;
      w[k] = fixed ? 0 : c.plan == kPlanStrongFading ? 4 * (0.5 + x) : 0.05 + 3 * x * x * x * x * x * x;
      total += w[k];
    }
    if (total <= 0 || spare <= 0) return;
    long used = 0;
    for (size_t k = 0; k < planned.size(); ++k) {
      const int extra = int(double(spare) * w[k] / total);
      planned[k].count += extra;
      used += extra;
    }
    std::vector<size_t> open;
    for (size_t k = 0; k < planned.size(); ++k)
      if (w[k] > 0) open.push_back(k);
    for (long left = spare - used; left > 0 && !open.empty(); --left) planned[open[r.below(open.size())]].count++;
  }

  // Days from a thread's first message to its last.
  static int64_t span_days(Rng& r, const Conv& c) {
    if (c.plan == kPlanStrongFading) return r.range(400, 2200);
    if (c.count <= 3) return r.range(0, 5);
    if (c.plan == kPlanFreshAwaiting && r.chance(0.5)) return r.range(0, 3);  // a new conversation
    return r.range(3, std::min<int64_t>(2500, 300 + 30 * int64_t(c.count)));
  }

  // The status the plain who-wrote-last rules give (the classic manifest's "states").
  uint8_t state_of(const Conv& c, const std::vector<Msg>& msgs) const {
    const int other = c.people[0];
    if (msgs.empty()) return kSilent;
    if (msgs.back().sender == other) return kAwaiting;
    if (std::none_of(msgs.begin(), msgs.end(), [&](const Msg& m) { return m.sender == other; })) return kUnanswered;
    return int64_t(o_.today) - day(msgs.back().time) > 90 ? kFading : kActive;
  }

  std::string note(Rng& r, int person, bool incoming) const {
    std::string s = incoming ? r.pick(realistic::kInviteNotes) : r.pick(realistic::kOwnerNotes);
    fill(s, people_[size_t(person)]);
    return s;
  }

  void fill(std::string& s, const Person& them) const {
    replace_all(s, "{me}", owner_.first);
    replace_all(s, "{them}", them.first);
    replace_all(s, "{company}", them.company.empty() ? "your company" : them.company);
  }

  void push(Inv inv) {
    if (inv.incoming) people_[size_t(inv.person)].used = true;  // they invited the owner
    invitations_.push_back(std::move(inv));
  }

  int fresh_ = 0;  // fresh threads planned so far
};

}  // namespace detail
}  // namespace rkgen
