// Word tables for classify_last_message(). To extend: add phrases to the right line (closing.cpp,
// top comment, has the syntax and the rules); write them as people type them, accents and
// apostrophes included: they are folded and tokenised exactly like the messages.
//
// Left out on purpose (a reply or an action may still be owed): bare "yes", "sure", "of course",
// "claro", "certo" (answers to a question or request); "thanks in advance" and its translations
// ("alvast bedankt", "merci d'avance", "im Voraus"); bare "gerne", "graag", "happy to", "glad to"
// (also "yes please" to an offer); greetings that also say hello: "buen día", "bom dia",
// "buenas noches", "boa noite", "good day", "servus" alone, "ciao" / "salut" / "dag" alone.
#include "core/closing_tables.hpp"

namespace rk::closing_tables {

namespace {
constexpr Cat A = Cat::Ack, G = Cat::Goodbye, T = Cat::Thanks, W = Cat::Welcome, C = Cat::Congrats;
constexpr Role H = Role::Head, F = Role::Follow, TT = Role::ThanksTail, CT = Role::CongratsTail;
}  // namespace

const Entry kClosing[] = {
    // ---- English ----------------------------------------------------------------------------
    {T, H, "thanks|thank you|thank u|thankyou|thanx|thnx|thx|tks|ty|tyvm|tysm|cheers|"
           "(many|big|huge|special|massive) thanks|many many thanks|thanks a (lot|ton|bunch|million)|"
           "(much|greatly|really|very much|truly|hugely) appreciated|appreciated|"
           "(i|) (really|truly|greatly|) appreciate (it|that|this|you|your help)|much obliged|"
           "no thanks|no thank you|that's (very|so|really|) kind (of you|)|how kind|so kind|very kind|"
           "(you're|you are|youre) (the best|a star|a legend|amazing|awesome)"},
    {T, TT, "so much|very much|so very much|so so much|a lot|a ton|a bunch|a million|heaps|loads|"
            "kindly|again|once again|indeed|too|as well|to you|to you too|for everything|for all|"
            "for (the|your|this) (connection|invite|invitation|intro|introduction|add|help|time|info|"
            "information|update|heads up|reminder|message|note|reply|response|quick reply|quick response|"
            "feedback|advice|tip|tips|link|recommendation|endorsement|endorsements|kind words|kind message|"
            "lovely message|nice message|wishes|birthday wishes|kind wishes|congrats|congratulations|"
            "support|offer|opportunity|follow up|insight|insights|input|suggestion|suggestions|share|"
            "patience|consideration|interest|call|chat|conversation|great conversation)|"
            "for (connecting|accepting|sharing|reaching out|getting back to me|getting back|"
            "letting me know|adding me|connecting with me|following up|thinking of me|helping|"
            "the follow up|all your help|all the help|accepting my (invite|invitation|request|connection request))"},
    {A, H, "ok|okay|okey|okie|oki|k|kk|ok ok|okay okay|alright|all right|"
           "(sounds|that sounds|looks|that looks|seems) (good|great|perfect|fine|awesome|lovely|like a plan)|"
           "perfect|great|awesome|cool|nice|excellent|wonderful|fantastic|amazing|lovely|brilliant|"
           "super|splendid|good|very good|fine|got it|gotcha|noted|duly noted|understood|will do|"
           "done|agreed|deal|fair enough|makes sense|all good|all set|(good|great) to know|"
           "(good|great|nice|glad|happy) to hear (that|it|)|good news|great news|"
           "likewise|same to you|same here|you too|and you too|and to you|me too|"
           "(it was|) (great|nice|good|lovely|a pleasure) (to meet you|meeting you|talking to you|"
           "talking with you|speaking with you|chatting|connecting|to connect|to connect with you)|"
           "(nice|great|glad|good) to (be connected|connect|meet you)|(i'm|im|) looking forward to it|"
           "wow|yay|lol|lmao"},
    {G, H, "bye|bye bye|byebye|goodbye|good bye|see you|see ya|cya|"
           "see you (soon|later|then|there|around|tomorrow|next week|next time|at the event)|"
           "talk (soon|later|to you soon|to you later|then)|ttyl|speak (soon|later|to you soon|then)|"
           "catch you later|catch up soon|until next time|till next time|take care|take care of yourself|"
           "all the best|all best|best|the best|best regards|regards|kind regards|warm regards|"
           "warmest regards|kindest regards|with regards|best wishes|warm wishes|sincerely|cordially|"
           "(have|enjoy) (a|your|the) (good|great|nice|lovely|wonderful|fantastic|pleasant|beautiful|"
           "productive|relaxing|restful|safe|fun) (day|weekend|week|evening|night|time|trip|flight|"
           "one|holiday|holidays|vacation|break|summer|rest of the day|rest of your day|rest of the week|"
           "rest of your week|rest of the weekend|start to the week)|have a good one|have fun|"
           "enjoy|enjoy (your|the) (weekend|day|evening|holidays|holiday|vacation|trip|break|summer)|"
           "good luck|best of luck|(good|best of) luck with (everything|that|it|the search|the project|"
           "the interview|the new role|the move|the launch)|"
           "(wishing|wish) you (all the best|the best|well|a (great|good|nice|wonderful|happy) "
           "(day|weekend|week|year|holiday|holidays|time))|"
           "(happy|merry) (holidays|christmas|xmas|new year|easter|thanksgiving|diwali|eid|hanukkah|"
           "friday|weekend|new week)|season's greetings|stay safe|stay well|be well|keep well|"
           "stay healthy|keep in touch|stay in touch|(let's|we'll) (keep|stay) in touch|good night|goodnight"},
    {W, H, "(you're|you are|your|ur|youre) (very|most|so|always|) welcome|welcome|"
           "no problem|not a problem|no problem at all|no prob|no probs|np|no worries|no worries at all|"
           "(it's|it was|) my pleasure|(the|) pleasure (is|was) (all|) mine|a pleasure|pleasure|"
           "anytime|any time|(glad|happy) to (help|be of help|assist|have helped)|"
           "(glad|happy) (i|we) could help|don't mention it|not at all"},
    {C, H, "congrats|congratulations|congratz|grats|"
           "(many|huge|big|hearty|heartfelt|warm|warmest|massive) (congrats|congratulations)|"
           "well done|(very|so|) well deserved|(great|good|amazing|awesome) (job|work)|bravo|kudos|"
           "way to go|happy (birthday|bday|belated birthday|work anniversary|anniversary)|"
           "(so|very|really|) happy for you|(so|very|really|) proud of you"},
    {C, CT, "again|once again|to you|to you too|to both of you|"
            "on (the|your) (new|) (role|job|position|promotion|work anniversary|anniversary|launch|"
            "achievement|news|success|milestone|graduation|certification|award|venture|business|book|move)"},

    // ---- Spanish ----------------------------------------------------------------------------
    {T, H, "gracias|muchas gracias|muchísimas gracias|mil gracias|un millón de gracias|"
           "muchas muchas gracias|gracias totales|(te|se|os) lo agradezco (mucho|muchísimo|)|"
           "lo agradezco|(te|se) agradezco|(muy|) (agradecido|agradecida)|no gracias|"
           "(qué|que|muy) amable"},
    {T, TT, "mil|de nuevo|nuevamente|otra vez|de verdad|de corazón|por todo|a ti|a vos|a usted|"
            "a ustedes|a ti también|"
            "por (conectar|aceptar|compartir|avisar|avisarme|escribir|escribirme|responder|contestar|"
            "agregarme|añadirme|contactarme|pensar en mí)|"
            "por (tu|su|la|el) (respuesta|mensaje|ayuda|tiempo|información|info|dato|invitación|"
            "conexión|contacto|recomendación|consejo|oportunidad|apoyo|actualización|seguimiento)|"
            "por (tus|sus|las|los) (palabras|comentarios|consejos|datos|felicitaciones|buenos deseos)"},
    {A, H, "vale|perfecto|perfecta|genial|estupendo|estupenda|excelente|de acuerdo|entendido|"
           "entiendo|anotado|bien|muy bien|buenísimo|buenísima|listo|lista|dale|bárbaro|súper|"
           "fenomenal|de lujo|me parece (bien|perfecto|genial|estupendo|excelente)|"
           "(qué|que) (bien|bueno)|igualmente|lo mismo digo|igual|(igualmente|) para ti también|"
           "tú también|usted también|(un|) placer (conocerte|saludarte|hablar contigo)|"
           "(encantado|encantada) de conocerte"},
    {W, H, "de nada|por nada|no hay de qué|no hay problema|sin problema|ningún problema|"
           "(un|es un|fue un|ha sido un) placer|el placer es mío|con gusto|con mucho gusto|a la orden|"
           "a las órdenes|a (tu|su) disposición|para eso estamos|para servirte|encantado|encantada|"
           "(encantado|encantada) de ayudar|no es nada"},
    {C, H, "felicidades|felicitaciones|enhorabuena|muchas felicidades|muchas felicitaciones|"
           "feliz (cumpleaños|cumple|aniversario)|bien hecho|(muy|) (bien|) merecido|merecidísimo|"
           "(qué|que) (buena noticia|buenas noticias)|(me alegro|me alegra) (mucho|muchísimo|) por ti"},
    {C, CT, "de nuevo|nuevamente|por (el|tu|su) (nuevo|) (trabajo|puesto|cargo|rol|empleo|logro|"
            "aniversario|ascenso|proyecto|reconocimiento|lanzamiento)|"
            "por (la|tu|su) (nueva|) (posición|etapa|promoción|empresa|certificación|graduación)"},
    {G, H, "adiós|hasta (luego|pronto|la próxima|mañana|entonces|el lunes)|nos vemos|nos vemos pronto|"
           "nos hablamos|hablamos|hablamos pronto|seguimos en contacto|estamos en contacto|cuídate|"
           "cuídese|(un|) saludo|saludos|saludos (cordiales|afectuosos)|un saludo cordial|"
           "(un|) (fuerte|gran|) abrazo|abrazos|besos|un beso|atentamente|cordialmente|"
           "(buen|feliz|lindo|excelente) (fin de semana|finde)|buena semana|feliz semana|buen viaje|"
           "(que tengas|que tenga|que tengan|ten|tenga) (un|) (buen|lindo|excelente|feliz|gran) "
           "(día|fin de semana|finde|viaje|domingo|resto del día|resto de semana)|"
           "que te vaya (bien|muy bien)|que le vaya bien|(buena|mucha) suerte|(mucho|) éxito|"
           "(muchos|) éxitos|todo lo mejor|lo mejor|mis mejores deseos|(felices|buenas) fiestas|"
           "feliz navidad|feliz año|feliz año nuevo|próspero año nuevo|(que|) disfrutes|disfruta|"
           "chao|chau|nos leemos|hasta la vista"},

    // ---- Portuguese -------------------------------------------------------------------------
    {T, H, "obrigado|obrigada|muito (obrigado|obrigada)|muitíssimo (obrigado|obrigada)|obrigadão|"
           "obrigadíssimo|obrigadíssima|brigado|brigada|obg|obgd|valeu|vlw|valeu mesmo|agradeço|"
           "(eu|) (que|quem) agradeço|eu agradeço|agradeço (muito|demais|imensamente)|"
           "(muito|) (agradecido|agradecida|grato|grata)|gratidão|não (obrigado|obrigada)"},
    {T, TT, "mais uma vez|novamente|de novo|de coração|demais|mesmo|a você|a você também|por tudo|"
            "pela (conexão|ajuda|informação|info|mensagem|resposta|oportunidade|lembrança|indicação|"
            "recomendação|dica|força|atenção|gentileza|parceria|compreensão|paciência|atualização|conversa)|"
            "pelo (convite|contato|retorno|aviso|seu tempo|tempo|apoio|carinho|feedback|"
            "compartilhamento|reconhecimento|endosso)|"
            "pelas (palavras|informações|dicas|felicitações|mensagens)|pelos (parabéns|conselhos|votos)|"
            "por (conectar|aceitar|compartilhar|avisar|me avisar|responder|lembrar|me adicionar|ajudar|"
            "sua ajuda|seu tempo|sua atenção|sua mensagem|seu retorno)"},
    {A, H, "blz|beleza|perfeito|perfeita|ótimo|ótima|show|show de bola|legal|combinado|certinho|"
           "(tá|ta) (certo|bom|ótimo)|entendido|entendi|anotado|fechado|tranquilo|de acordo|"
           "(pra|para) você também|você também|maravilha|tudo certo|tudo bem|muito bem|(que|) bom|"
           "que ótimo|bacana|top|joia|jóia|massa|boa|(prazer|um prazer) (em|) (te conhecer|conectar)|"
           "(beleza|ok|certo) então"},
    {W, H, "de nada|por nada|disponha|imagina|magina|não há de quê|não tem de quê|(sem|nenhum) problema|"
           "sem problemas|o prazer é (meu|todo meu)|foi um prazer|(um|é um) prazer|às ordens|"
           "sempre às ordens|(estou|fico|) à disposição|tamo junto|tmj|estamos juntos"},
    {C, H, "parabéns|muitos parabéns|meus parabéns|feliz aniversário|feliz aniver|(muito|) merecido|"
           "merecidíssimo|mandou bem|arrasou"},
    {C, CT, "de novo|mais uma vez|pelo (novo|) (cargo|trabalho|emprego|desafio|projeto|aniversário|"
            "reconhecimento|prêmio|lançamento)|"
            "pela (nova|) (posição|conquista|promoção|oportunidade|empresa|função|certificação|formatura|etapa)"},
    {G, H, "tchau|tchau tchau|até (logo|mais|breve|a próxima|amanhã|já|segunda)|a gente se fala|"
           "nos falamos|falamos|falamos em breve|se cuida|cuide-se|(um|) (grande|forte|) abraço|"
           "abraços|abs|bjs|beijos|beijo|saudações|atenciosamente|cordialmente|"
           "(bom|ótimo|excelente|feliz) (fim de semana|final de semana|fds|descanso|trabalho|domingo)|"
           "(boa|ótima|excelente) (semana|viagem|sorte)|"
           "(tenha|tenham) (um|uma) (bom|boa|ótimo|ótima|excelente) (dia|semana|fim de semana|"
           "final de semana|viagem|noite|tarde)|boas festas|feliz (natal|ano novo|páscoa)|tudo de bom|"
           "(muito|) sucesso|sucesso sempre|(fica|fique) bem|(fica|fique|vai) com deus"},

    // ---- French -----------------------------------------------------------------------------
    {T, H, "merci|merci beaucoup|merci bien|merci infiniment|mille mercis|mille merci|"
           "(un|) (très|) grand merci|(je vous|je te) remercie (beaucoup|infiniment|)|merci à (vous|toi)|"
           "(c'est|) (très|trop|) gentil|(c'est|) sympa|non merci|merci pareillement"},
    {T, TT, "encore|encore une fois|mille fois|beaucoup|bien|infiniment|à vous aussi|à toi aussi|"
            "pour tout|"
            "pour (la|ta|votre) (connexion|mise en relation|invitation|réponse|confiance|aide|info|"
            "information|recommandation|proposition|suggestion|gentillesse|patience)|"
            "pour (le|ton|votre) (partage|message|retour|temps|lien|conseil|soutien|contact|mot|petit mot|"
            "suivi|rappel|feedback)|"
            "pour (les|tes|vos) (infos|informations|conseils|félicitations|vœux|voeux|messages|retours|"
            "mots|gentils mots|précisions)|"
            "pour (l'info|l'information|l'invitation|l'ajout|l'aide|l'opportunité|l'intro|l'introduction)|"
            "pour (avoir partagé|partager|accepter)|d'avoir (accepté|partagé|répondu|pris le temps)"},
    {A, H, "d'accord|dac|ça marche|ça roule|parfait|c'est parfait|génial|très bien|entendu|"
           "(c'est|bien|) noté|bien reçu|reçu|compris|(c'est|) top|nickel|impeccable|formidable|"
           "pareillement|de même|(toi|vous) (de même|aussi)|à (vous|toi) aussi|(ça|cela) me va|"
           "(ravi|ravie) (de|d'avoir) (vous|te) (rencontrer|connaître|échanger)"},
    {W, H, "de rien|avec plaisir|avec grand plaisir|je vous en prie|je t'en prie|"
           "(il n'y a|y'a|il y a) pas de quoi|pas de quoi|pas de (souci|soucis|problème)|"
           "aucun (souci|problème)|(tout|) le plaisir est pour moi|c'est (un|) plaisir|(c'est|) normal|"
           "volontiers|à votre service|à ton service|à votre disposition|"
           "je reste à (votre|ta) disposition"},
    {C, H, "félicitations|(toutes mes|toutes nos|sincères|chaleureuses) félicitations|bravo à (vous|toi)|"
           "bien joué|chapeau|(bien|) mérité|(joyeux|bon) anniversaire|super nouvelle|"
           "quelle bonne nouvelle|(très|) (heureux|heureuse) pour (toi|vous)"},
    {C, CT, "encore|pour (le|ton|votre) (nouveau|) (poste|rôle|job|travail|projet|anniversaire|"
            "lancement|prix)|pour (la|ta|votre) (nouvelle|) (fonction|promotion|position|aventure|"
            "réussite|certification)|pour (l'anniversaire|l'obtention|l'aventure)"},
    {G, H, "au revoir|à (bientôt|plus|plus tard|la prochaine|demain|tout à l'heure|tout de suite|lundi)|"
           "(bonne|belle|excellente) (journée|soirée|semaine|fin de journée|fin de semaine|continuation|"
           "chance|année|fête|fêtes|route|nuit|vacances|rentrée)|"
           "(bon|excellent|beau) (week-end|weekend|dimanche|courage|voyage|séjour|retour)|"
           "bonne fin de (week-end|weekend)|(bien|très|) cordialement|bien à (vous|toi)|amitiés|"
           "amicalement|salutations|(meilleures|sincères) salutations|bises|bisous|grosses bises|"
           "prends soin de toi|prenez soin de vous|joyeux noël|joyeuses fêtes|bonnes fêtes|"
           "(meilleurs|tous mes) (vœux|voeux)|tchao|adieu"},

    // ---- German -----------------------------------------------------------------------------
    {T, H, "danke|danke schön|dankeschön|danke sehr|dankesehr|vielen dank|vielen lieben dank|"
           "(ganz|) (herzlichen|lieben|besten|tausend) dank|vielen herzlichen dank|"
           "(ich|) (danke|dank) (dir|ihnen|euch)|nein danke|"
           "(das ist|) (sehr|mega|) (nett|lieb)|wie (nett|lieb)"},
    {T, TT, "vielmals|nochmal|nochmals|auch|ebenfalls|gleichfalls|für alles|"
            "für (die|deine|ihre|eure) (vernetzung|einladung|info|infos|information|informationen|"
            "nachricht|rückmeldung|antwort|schnelle antwort|hilfe|unterstützung|zeit|glückwünsche|"
            "wünsche|empfehlung|anfrage|vermittlung|einschätzung|tipps|worte|lieben worte|netten worte|"
            "erinnerung|kontaktanfrage)|"
            "für (den|deinen|ihren) (tipp|hinweis|link|kontakt|austausch|input|support)|"
            "fürs (teilen|vernetzen|annehmen)|für das (teilen|vernetzen|feedback|angebot|gespräch|update)|"
            "für (dein|ihr) (feedback|angebot|vertrauen)"},
    {A, H, "alles klar|alles gut|passt|passt schon|passt gut|perfekt|prima|klasse|toll|gut|sehr gut|"
           "verstanden|notiert|geht klar|in ordnung|klingt (gut|super|toll|perfekt|prima|spannend)|"
           "ebenso|gleichfalls|(dir|ihnen|euch) auch|wunderbar|sehr schön|schön|einverstanden|"
           "(mach|mache) ich|wird gemacht|genau|spitze|hervorragend|ausgezeichnet|freut mich|"
           "(schön|freut mich) (dich|sie) kennenzulernen"},
    {W, H, "gern geschehen|gerne geschehen|immer gerne|immer gern|jederzeit|bitte|bitte schön|"
           "bitteschön|bitte sehr|bittesehr|keine ursache|kein problem|kein ding|kein thema|"
           "nichts zu danken|mit vergnügen|gerne doch|(das|) (habe|hab) ich gern (gemacht|getan)|"
           "(das|) (habe|hab) ich gerne (gemacht|getan)|dafür nicht"},
    {C, H, "herzlichen glückwunsch|glückwunsch|glückwünsche|(herzliche|die besten) glückwünsche|"
           "(ich|) gratuliere|(herzliche|) gratulation|"
           "(alles gute|herzlichen glückwunsch|alles liebe) zum (geburtstag|jubiläum|firmenjubiläum)|"
           "gut gemacht|toll gemacht|(wohl|sehr|) verdient|wohlverdient|stark"},
    {C, CT, "nochmal|nochmals|zum (neuen|) (job|jubiläum|firmenjubiläum|geburtstag|erfolg|abschluss|"
            "projekt|start)|zur (neuen|) (position|stelle|rolle|beförderung|aufgabe|zertifizierung)|"
            "zu (deinem|ihrem) (neuen|) (job|erfolg|jubiläum)|"
            "zu (deiner|ihrer) (neuen|) (position|stelle|rolle|beförderung)"},
    {G, H, "tschüss|tschüs|tschau|auf wiedersehen|bis (bald|dann|später|morgen|demnächst|"
           "zum nächsten mal|nächste woche|die tage|montag)|"
           "(einen|) schönen (tag|abend|sonntag|feierabend) (noch|)|(ein|) schönes wochenende (noch|)|"
           "(eine|) schöne woche|(einen|) guten start in die woche|gute nacht|"
           "viel (erfolg|glück|spaß)|alles gute|alles liebe|(mach's|machs|macht's) gut|"
           "(liebe|viele|beste|herzliche|freundliche|schöne|sonnige) grüße|"
           "mit (freundlichen|besten|herzlichen) grüßen|grüße|gruß|lg|vg|bg|mfg|"
           "frohe (weihnachten|feiertage|ostern)|(ein|) frohes (neues|neues jahr|fest)|guten rutsch|"
           "(bleib|bleiben sie) gesund|(wir|) (hören|sprechen) uns|(wir|) bleiben in kontakt"},

    // ---- Italian ----------------------------------------------------------------------------
    {T, H, "grazie|grazie mille|mille grazie|grazie tante|tante grazie|molte grazie|grazie infinite|"
           "infinite grazie|grazie davvero|grazie di cuore|(ti|la|vi) ringrazio (molto|tanto|di cuore|)|"
           "grazie a (te|lei|voi)|no grazie|gentilissimo|gentilissima|(molto|troppo|sei|sei molto) gentile"},
    {T, TT, "mille|tante|ancora|di nuovo|ancora una volta|davvero|di cuore|anche a te|anche a lei|"
            "per tutto|"
            "per (il|il tuo|il suo) (collegamento|messaggio|supporto|tempo|consiglio|contatto|"
            "riscontro|feedback|suggerimento|link|pensiero|invito)|"
            "per (la|la tua|la sua) (condivisione|disponibilità|risposta|connessione|gentilezza|"
            "segnalazione|informazione|fiducia|pazienza)|"
            "per (le|i) (informazioni|info|consigli|auguri|complimenti|parole|belle parole)|"
            "per (l'aiuto|l'invito|l'informazione|l'info|l'aggiornamento|l'opportunità|l'interesse)|"
            "per (aver condiviso|aver accettato|avermi contattato|avermi aggiunto|avermi risposto)"},
    {A, H, "va bene|va benissimo|perfetto|perfetta|ottimo|ottima|benissimo|bene|molto bene|"
           "d'accordo|capito|ricevuto|altrettanto|fantastico|grande|eccellente|ci sta|inteso|chiaro|"
           "(che|) bello|bellissimo|(è stato un|) piacere (di conoscerti|conoscerti|sentirti)"},
    {W, H, "prego|di niente|di nulla|figurati|si figuri|non c'è di che|(nessun|nessuno) problema|"
           "(è|è stato) un piacere|con piacere|piacere mio|il piacere è mio|(sempre|resto|) a disposizione|"
           "(sono|) a (tua|sua|vostra) disposizione|ci mancherebbe"},
    {C, H, "complimenti|complimentoni|congratulazioni|(tanti|) auguri|auguroni|"
           "(buon|felice) (compleanno|anniversario)|felicitazioni|brava|bravi|bravissimo|bravissima|"
           "ben fatto|(più che|molto|) meritato|meritatissimo|ottimo lavoro|(che|) bella notizia"},
    {C, CT, "ancora|di nuovo|per (il|il tuo|il suo) (nuovo|) (ruolo|lavoro|incarico|traguardo|"
            "anniversario|progetto|successo|compleanno|premio)|"
            "per (la|la tua|la sua) (nuova|) (promozione|posizione|avventura|sfida|certificazione|laurea)|"
            "per (l'anniversario|l'incarico|l'obiettivo)"},
    {G, H, "arrivederci|a (presto|dopo|domani|lunedì|risentirci|prossima)|alla prossima|"
           "ci (sentiamo|vediamo|aggiorniamo) (presto|a presto|dopo|domani|)|"
           "buona (giornata|serata|settimana|fortuna|continuazione|notte|domenica|fine settimana|"
           "vacanza|vacanze|pasqua|fine giornata)|buonanotte|"
           "buon (weekend|week-end|fine settimana|lavoro|proseguimento|viaggio|natale|anno|rientro|"
           "divertimento)|buone (feste|vacanze)|in bocca al lupo|crepi|"
           "(cordiali|distinti|tanti|cari|un caro|) saluti|(un|un caro) saluto|(un|) abbraccio|abbracci|"
           "(stammi|statemi) bene|ciao ciao|tutto il meglio|(i miei|) migliori auguri"},

    // ---- Dutch ------------------------------------------------------------------------------
    {T, H, "dank je|dank je wel|dankjewel|dankje|dank u|dank u wel|dankuwel|bedankt|"
           "(heel|erg|super|hartelijk|ontzettend|enorm|heel erg|nogmaals|top) bedankt|hartelijk dank|"
           "(veel|hartstikke|heel veel|nogmaals) dank|dank jullie (wel|)|nee dank je|(wat|heel) (lief|aardig)"},
    {T, TT, "wel|nogmaals|voor alles|"
            "voor (de|je|uw|het|jouw) (connectie|uitnodiging|hulp|info|informatie|reactie|snelle reactie|"
            "tijd|tip|tips|link|bericht|berichtje|update|aanbeveling|felicitaties|wensen|lieve woorden|"
            "mooie woorden|feedback|introductie|moeite|connectieverzoek|verzoek|contact)|"
            "voor het (delen|connecten|accepteren|meedenken)"},
    {A, H, "oké|oke|helder|duidelijk|begrepen|goed|heel goed|is goed|prima zo|"
           "klinkt (goed|top|prima|perfect|mooi|leuk)|komt goed|afgesproken|insgelijks|"
           "(jij|u|jullie) ook|mooi|(heel|) fijn|geweldig|uitstekend|genoteerd|akkoord|doe ik|"
           "zal ik doen|leuk|wat leuk|(leuk|fijn) (je|u) te (ontmoeten|spreken)|gezellig|toppie|netjes|top"},
    {W, H, "graag gedaan|geen dank|geen probleem|geen punt|geen zorgen|met plezier|heel graag gedaan|"
           "(het was|) me een genoegen|(het was|) mijn plezier|tot uw dienst"},
    {C, H, "gefeliciteerd|(van harte|hartelijk|hartstikke|nogmaals) gefeliciteerd|proficiat|"
           "(fijne|gelukkige) verjaardag|(goed|knap|netjes) gedaan|knap|(wel|dik|zeer|) verdiend|"
           "welverdiend|(mijn|) felicitaties|goed bezig|(wat een|) mooi nieuws"},
    {C, CT, "nogmaals|met (je|jouw|uw|de|het) (nieuwe|mooie|) (baan|functie|rol|job|promotie|"
            "verjaardag|jubileum|werkjubileum|stap|uitdaging|prestatie|resultaat)"},
    {G, H, "doei|doeg|dag dag|daag|tot (ziens|snel|later|morgen|dan|de volgende keer|gauw|maandag|"
           "binnenkort)|tot de volgende|(een|) (fijne|prettige|mooie|goede) (dag|avond|week|vakantie|reis|"
           "feestdagen|kerst|zondag|werkdag) (nog|)|(een|) (fijn|prettig|mooi|goed) weekend (nog|)|"
           "succes|(veel|heel veel) (succes|plezier|geluk)|groetjes|"
           "(met|) (vriendelijke|hartelijke|lieve|beste|warme) (groet|groeten)|groet|groeten|mvg|gr|"
           "welterusten|gelukkig nieuwjaar|vrolijk kerstfeest|fijne kerst|(hou|houd) je goed|houdoe|"
           "spreek je (snel|later|gauw|binnenkort|)|we spreken elkaar|(we|) houden contact|de groeten"},

    // ---- Shared words that several languages write alike -------------------------------------
    {A, H, "ok|okay|super|top|cool|perfect|excellent|excelente|bravo|genial"},
    {T, H, "merci|thanks"},
    {C, H, "bravo|bravissimo"},
    {G, H, "bye|ciao ciao|tchau"},
    // Words that also say hello: a goodbye only after another phrase ("Grazie, ciao!").
    {G, F, "ciao|salut|servus|dag"},
};
const size_t kClosingCount = sizeof(kClosing) / sizeof(kClosing[0]);

const char* const kSystemRows[] = {
    // English
    "* (has|) accepted your (invitation|invite|connection request|request|message request) (to connect|)",
    "you accepted * (invitation|invite|message request)",
    "message request accepted",
    "* (has|) (added|removed) * (to|from) (the|this) conversation",
    "* (has|) left (the|this) conversation",
    "* (named|renamed) the conversation *",
    "(you are|you're|youre) now connected (with *|to *|on linkedin|)",
    "you and * are now connected",
    "* is now (a|your) connection",
    // Spanish
    "* (ha aceptado|aceptó) tu (invitación|solicitud de mensaje|solicitud) (para conectar|)",
    "solicitud de mensaje aceptada",
    "* (ha añadido|añadió|ha agregado|agregó) (a|) * a la conversación",
    "* (ha abandonado|abandonó|ha salido de|salió de) la conversación",
    "(ahora|ya) (estáis|están|estás|está) (conectados|conectado|conectada) (con *|)",
    "* (es ahora|ahora es) (un|una|tu) (contacto|conexión)",
    // Portuguese
    "* aceitou (seu|o seu|teu|o teu) convite (para se conectar|)",
    "* aceitou (sua|a sua) solicitação de mensagem",
    "solicitação de mensagem aceita",
    "* adicionou * (à|a) conversa",
    "* saiu da conversa",
    "(vocês agora|agora vocês) estão conectados",
    "* agora é (uma|sua) conexão",
    // French
    "* a accepté (votre|ton|ta) (invitation|demande de message|demande)",
    "demande de message acceptée",
    "* a ajouté * à la conversation",
    "* a quitté la conversation",
    "vous êtes (maintenant|désormais) (connectés|en relation) (avec *|)",
    "* fait (maintenant|désormais) partie de vos relations",
    // German
    "* hat (ihre|deine) (einladung|kontaktanfrage|nachrichtenanfrage) angenommen",
    "nachrichtenanfrage angenommen",
    "* hat * (zur|der) (unterhaltung|konversation) hinzugefügt",
    "* hat die (unterhaltung|konversation) verlassen",
    "(sie sind|ihr seid|du bist) (jetzt|nun) (mit *|) (vernetzt|verbunden)",
    "* ist (jetzt|nun) (ein|ihr|dein) kontakt",
    // Italian
    "* ha accettato (il tuo|tuo) invito (a collegarsi|)",
    "* ha accettato la tua richiesta (di messaggio|)",
    "richiesta di messaggio accettata",
    "* ha aggiunto * alla conversazione",
    "* ha (abbandonato|lasciato) la conversazione",
    "(ora|adesso) (siete|sei) (collegati|collegato|collegata|in contatto) (con *|)",
    "* (è ora|ora è) (un|una|un tuo) (collegamento|contatto)",
    // Dutch
    "* heeft (je|uw|jouw) (uitnodiging|connectieverzoek|berichtverzoek) geaccepteerd",
    "berichtverzoek geaccepteerd",
    "* heeft * (aan het gesprek toegevoegd|toegevoegd aan het gesprek)",
    "* heeft het gesprek verlaten",
    "(jullie zijn|u bent|je bent) nu (met elkaar|) (verbonden|connecties) (met *|)",
    "* is nu (een|je|uw) (connectie|relatie)",
};
const size_t kSystemRowCount = sizeof(kSystemRows) / sizeof(kSystemRows[0]);

const char* const kSponsoredLabels[] = {
    "sponsored", "sponsored message", "sponsored conversation", "sponsored inmail",
    "patrocinado", "patrocinada", "mensaje patrocinado", "conversación patrocinada",
    "mensagem patrocinada", "conversa patrocinada",
    "sponsorisé", "sponsorisée", "message sponsorisé", "conversation sponsorisée",
    "gesponsert", "gesponserte nachricht", "gesponserte unterhaltung",
    "sponsorizzato", "sponsorizzata", "messaggio sponsorizzato", "conversazione sponsorizzata",
    "gesponsord", "gesponsord bericht", "gesponsorde conversatie",
};
const size_t kSponsoredLabelCount = sizeof(kSponsoredLabels) / sizeof(kSponsoredLabels[0]);

const char* const kNotNames =
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight next this "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag morgen heute mittag "
    "vormittag nachmittag abend woche termin uhr "
    "lunes martes miércoles jueves viernes sábado domingo mañana hoy "
    "segunda terça quarta quinta sexta amanhã hoje "
    "lundi mardi mercredi jeudi vendredi samedi dimanche demain aujourd'hui "
    "lunedì martedì mercoledì giovedì venerdì sabato domani oggi "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag vandaag "
    "i ich sie wir we you yo eu io ik je";

}  // namespace rk::closing_tables
