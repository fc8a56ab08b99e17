// Tests of closing.hpp: which last messages owe no reply (closing notes), which are LinkedIn's own
// rows, and that real questions and requests stay Ordinary. Texts are written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/closing.hpp"

using namespace rk;

namespace {

LastMessageClass of(const std::string& text, const std::string& subject = "", bool connection = true) {
  return classify_last_message(text, subject, connection);
}

void require_closing(const std::vector<const char*>& texts) {
  for (const char* t : texts) {
    INFO("closing: \"" << t << "\"");
    CHECK(of(t).kind == LastMessageKind::Closing);
  }
}

void require_ordinary(const std::vector<const char*>& texts) {
  for (const char* t : texts) {
    INFO("ordinary: \"" << t << "\"");
    CHECK(of(t).kind == LastMessageKind::Ordinary);
  }
}

void require_system(const std::vector<const char*>& texts, const std::string& what) {
  for (const char* t : texts) {
    INFO("system: \"" << t << "\"");
    LastMessageClass c = of(t);
    CHECK(c.kind == LastMessageKind::System);
    CHECK(std::string(c.what) == what);
  }
}

}  // namespace

TEST_CASE("English closing notes are Closing, questions and requests are not", "[closing]") {
  require_closing({"Thanks!", "thanks", "Thank you so much 🙏", "Many thanks, see you", "Sounds good",
                   "Perfect, thanks!", "Will do", "Got it, thanks", "Cheers", "Take care", "Likewise!",
                   "Same to you", "Ok, thanks! Have a great weekend", "Thanks Ana!", "Thank you, Ana Silva.",
                   "You're welcome", "You’re very welcome :)", "No worries!", "Congrats!",
                   "Congratulations on the new role!", "Thanks for connecting", "Thanks for the intro!",
                   "Thank you for reaching out, have a nice day", "Great, talk soon", "Best regards",
                   "OK", "ok ok 👍", "Thanks, you too!", "Haha thanks", "Nice to meet you!", "Noted, thanks.",
                   "Thanks again!!!", "Happy new year!", "Good luck with the interview!", "Thanks!\n\nAna",
                   "Thank youuu", "Sooo happy for you", "Have a great one", "Thanks :D", "Thanks <3"});
  require_ordinary({"Thanks! When are you free?", "Thanks for the intro to Maria, I'll call her tomorrow",
                    "Thanks for the intro, let's meet Tuesday", "ok so what about the budget",
                    "Thanks, can you send the deck", "Thanks in advance!", "Sure", "Yes", "Hi Ana",
                    "Good morning", "Thanks. Interested", "Ok, Tuesday", "ok 2pm", "Thanks ana",
                    "Happy to", "Let me know", "Looking forward to hearing from you", "Thanks ❓",
                    "Thanks 1000", "Thanks :Dave"});
}

TEST_CASE("Spanish closing notes", "[closing]") {
  require_closing({"Muchas gracias!", "¡Gracias, Pedro!", "De nada", "Felicidades!", "Vale, perfecto",
                   "Mil gracias por tu ayuda", "Igualmente", "Un saludo", "¡Buen fin de semana!",
                   "Gracias por conectar 😊", "Enhorabuena por el nuevo puesto", "jajaja gracias",
                   "GRACIAS", "Graciasss!", "Muchisimas gracias", "Con mucho gusto"});
  require_ordinary({"Gracias, ¿cuándo hablamos?", "Gracias, te envío el documento mañana", "Buen día",
                    "Gracias de antemano", "Claro", "Hola", "Gracias, Pedro Luis Gómez Ruiz"});
}

TEST_CASE("Portuguese closing notes", "[closing]") {
  require_closing({"Obrigada!", "Valeu", "Muito obrigado pela ajuda", "Parabéns!", "Parabens",
                   "De nada, disponha", "Abraço", "Beleza, combinado", "Tenha um ótimo dia!",
                   "Parabéns pelo novo cargo!", "kkkk valeu", "Obrigadaaa", "Valeu, abraço!"});
  require_ordinary({"Obrigado, mas ainda preciso do contrato", "Bom dia", "Boa noite",
                    "Obrigada, me manda o link", "Oi", "Olá, tudo bem?"});
}

TEST_CASE("French closing notes", "[closing]") {
  require_closing({"Merci beaucoup", "Merci !", "Avec plaisir", "Félicitations", "felicitations",
                   "D'accord, merci", "D’accord", "Bonne journée !", "Merci pour l'info", "Je vous en prie",
                   "Merci Jean, à bientôt", "De rien", "Bon week-end"});
  require_ordinary({"Merci, je t'envoie le devis demain", "Merci d'avance", "Salut", "Bonjour",
                    "Merci, tu es dispo mardi ?"});
}

TEST_CASE("German closing notes", "[closing]") {
  require_closing({"Danke dir!", "Vielen Dank", "Gern geschehen", "Herzlichen Glückwunsch",
                   "Alles klar, danke!", "Liebe Grüße", "Danke, schönes Wochenende!",
                   "Glückwunsch zur neuen Position", "Danke schön", "Dankeschön", "VIELEN DANK", "Bis bald"});
  require_ordinary({"Danke, aber ich brauche noch die Unterlagen", "Ok, Montag Nachmittag", "Gerne",
                    "Danke im Voraus", "Hallo", "Servus"});
}

TEST_CASE("Italian closing notes", "[closing]") {
  require_closing({"Grazie mille", "Prego", "Complimenti", "Perfetto, grazie", "Buona giornata!",
                   "Grazie, ciao!", "Grazie per il messaggio", "Figurati", "In bocca al lupo"});
  require_ordinary({"Grazie, ma manca ancora il contratto", "Ciao", "Grazie in anticipo", "Buongiorno"});
}

TEST_CASE("Dutch closing notes", "[closing]") {
  require_closing({"Dank je wel", "Bedankt!", "Graag gedaan", "Gefeliciteerd", "Prima, bedankt",
                   "Fijn weekend!", "Top, dank je", "Dankjewel", "Bedankt voor je hulp", "Tot snel"});
  require_ordinary({"Bedankt, ik bel je morgen", "Alvast bedankt", "Dag", "Hoi", "Goedemorgen"});
}

TEST_CASE("A long message, a question or an empty text is Ordinary", "[closing]") {
  CHECK(of("").kind == LastMessageKind::Ordinary);
  CHECK(of("   \n ").kind == LastMessageKind::Ordinary);
  CHECK(of("...").kind == LastMessageKind::Ordinary);
  // Every word is in the tables, but it is longer than a closing note can be.
  std::string long_thanks = "Thanks so much, thank you, many thanks, thanks again, thank you so much, "
                            "thanks a lot, cheers, have a great weekend";
  CHECK(long_thanks.size() > 80);
  CHECK(of(long_thanks).kind == LastMessageKind::Ordinary);
  std::string long_msg = "Thanks! " + std::string(400, 'a');
  CHECK(of(long_msg).kind == LastMessageKind::Ordinary);
  CHECK(of("Thanks? ").kind == LastMessageKind::Ordinary);
  CHECK(of("Thanks！？").kind == LastMessageKind::Ordinary);  // full-width question mark
  CHECK(of("Спасибо").kind == LastMessageKind::Ordinary);     // a language without tables
}

TEST_CASE("Emoji-only messages are emoji reactions", "[closing]") {
  for (const char* t : {"👍", "🙏🙏", "😊", "👍🏽", "❤️", ":)", " 🎉 "}) {
    INFO(t);
    LastMessageClass c = of(t);
    CHECK(c.kind == LastMessageKind::Closing);
    CHECK(std::string(c.what) == "an emoji reaction");
  }
  CHECK(of("❓").kind == LastMessageKind::Ordinary);
  CHECK(of("👍?").kind == LastMessageKind::Ordinary);
}

TEST_CASE("Closing notes say what they are", "[closing]") {
  auto what = [](const char* t) { return std::string(of(t).what); };
  CHECK(what("Thanks!") == "a thank-you");
  CHECK(what("Ok, thanks! Have a great weekend") == "a thank-you");  // the strongest part
  CHECK(what("Sounds good") == "an acknowledgement");
  CHECK(what("Congrats! Thanks for sharing") == "congratulations");
  CHECK(what("Parabéns!") == "congratulations");
  CHECK(what("Take care") == "a goodbye");
  CHECK(what("Tschüss, bis bald") == "a goodbye");
  CHECK(what("You're welcome!") == "a \"you're welcome\"");
  CHECK(what("De nada") == "a \"you're welcome\"");
  CHECK(what("🙏") == "an emoji reaction");
  CHECK(what("Thanks, can you send the deck").empty());
}

TEST_CASE("Names after a closing phrase: capitalised, at most two words", "[closing]") {
  require_closing({"Thanks Ana!", "Gracias, Pedro", "Thank you Ana Maria", "Thanks Ana, have a great weekend",
                   "Merci Jean-Pierre", "Danke, Jürgen!"});
  require_ordinary({"Thanks Ana Maria Silva Costa", "Ana", "Thanks Ana Sunday", "Thanks, Tomorrow"});
}

TEST_CASE("LinkedIn's notification rows are System", "[closing]") {
  require_system({"Ana Silva accepted your invitation", "Ana Silva has accepted your invitation to connect.",
                  "Message request accepted", "Ana Silva accepted your message request",
                  "Ana Silva added Bob Jones to the conversation", "Bob left the conversation",
                  "You are now connected", "You're now connected with Ana Silva", "Ana de la Cruz is now a connection",
                  "Ana Silva ha aceptado tu invitación", "Solicitud de mensaje aceptada",
                  "Ana añadió a Pedro a la conversación", "Ana Silva aceitou seu convite",
                  "Ana adicionou Pedro à conversa", "Ana Silva a accepté votre invitation",
                  "Ana a quitté la conversation", "Ana Müller hat Ihre Einladung angenommen",
                  "Nachrichtenanfrage angenommen", "Ana hat Bob zur Unterhaltung hinzugefügt",
                  "Ana Rossi ha accettato il tuo invito", "Ana ha aggiunto Marco alla conversazione",
                  "Ana de Vries heeft je uitnodiging geaccepteerd", "Ana heeft het gesprek verlaten"},
                 "a LinkedIn notification");
  // People writing about such things are not rows.
  require_ordinary({"I accepted your invitation, glad to connect", "did Ana accept your invitation",
                    "Sorry I left the conversation", "Friday is now a connection",
                    "ana silva accepted your invitation", "Ana accepted your invitation and wants a call"});
}

TEST_CASE("Sponsored messages and InMail are System", "[closing]") {
  CHECK(std::string(of("Sponsored\nTry our new analytics suite today").what) == "a sponsored message");
  CHECK(std::string(of("Grow your career with Acme", "Sponsored Message", true).what) == "a sponsored message");
  CHECK(std::string(of("Acme webinar", "Sponsored: Acme webinar", true).what) == "a sponsored message");
  CHECK(std::string(of("Gesponsert\nJetzt testen").what) == "a sponsored message");
  CHECK(of("Mensaje patrocinado\nDescubre nuestra oferta").kind == LastMessageKind::System);
  // A person mentioning sponsorship is not a label.
  CHECK(of("Our team is sponsored by Acme this year, want to join the panel?").kind == LastMessageKind::Ordinary);

  const std::string pitch = "Hi Ana, I came across your profile and have a role you may like. Open to a chat?";
  LastMessageClass inmail = of(pitch, "Senior Engineer role at Acme", false);
  CHECK(inmail.kind == LastMessageKind::System);
  CHECK(std::string(inmail.what) == "an InMail");
  CHECK(of(pitch + std::string(400, ' ') + "x", "Role at Acme", false).kind == LastMessageKind::System);
  // A connection with a subject, or a stranger without one, writes ordinary messages.
  CHECK(of(pitch, "Senior Engineer role at Acme", true).kind == LastMessageKind::Ordinary);
  CHECK(of(pitch, "", false).kind == LastMessageKind::Ordinary);
  CHECK(of(pitch, "   ", false).kind == LastMessageKind::Ordinary);
  CHECK(of("Thanks!", "", false).kind == LastMessageKind::Closing);
}
