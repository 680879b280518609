package policybot.answer;

import java.util.regex.Pattern;

/**
 * Spots a disclosure or a concern about a child's safety, which must be reported, never answered
 * as a question about using technology. It errs on the side of routing to the DSL.
 *
 * <p>A concern names a child ("a pupil", "year 4", or, with a sign of harm, just "she" or a first
 * name) and either a sign of harm with someone telling or noticing it ("a
 * year 3 girl said her stepdad hits her", "one of my pupils has marks on her neck"), or an account
 * of someone in the child's life, told as news rather than asked as a question ("a y2 lad told me
 * his mum leaves him and his baby sister on their own all weekend"), or staff's worry about one
 * particular child ("i'm worried about a girl in year 6, she ..."). A sign of harm in a
 * question about what staff may do ("can I use my phone to call a parent if a child is hurt on a
 * trip?") is not a concern unless someone told or noticed something too. The harm words cover the
 * kinds of harm in Keeping Children Safe in Education (physical, emotional, sexual, neglect,
 * self-harm, exploitation, forced marriage and FGM, radicalisation, online), not the development
 * set's wording. Written for the development set's 7 concerns, the first version caught 5 of 40
 * concerns worded afresh (and none of the questions that are not concerns). Each fresh batch was
 * scored before the lists were widened for it: concerns caught 10/10, 6/8, 5/10, 6/10, 8/10, 20/30,
 * 5/15, 8/15 and, on 15 plain disclosures in the words the issue uses ("a pupil told me...", "I
 * think a child is being..."), 14/15; other questions wrongly caught
 * 4/10, 5/8, 2/10, 8/15 (mostly family news, which {@link #FAMILY_NEWS} now passes), 6/10 remarks
 * about a child's family that ask nothing, 1/30, 0/15 and 2/15 ("a boy hurt his ankle at football
 * and his dad wants a copy of the accident form"). Errors go that way on purpose: a remark sent to
 * the DSL costs a moment, a concern answered as a usage question could cost a child. Expect it to
 * miss concerns worded in new ways, above all a sign with no harm word and no one named ("she
 * wears long sleeves in PE even when it's boiling", "he came back with money and a second phone").
 * Sending every statement about a child that asks nothing to the DSL caught 13 of those 15 but
 * also 5 development and 2 of 70 check-set usage questions, so it is not done. An embedding
 * similarity to a few typical disclosures did not separate them better ("stepfather watches her
 * get changed" 0.30, "his uncle supports arsenal" 0.29); the nearest of hundreds of labelled
 * wordings of both kinds does, and backs these lists up since session 13 ({@link ConcernNeighbours}).
 *
 * <p>Session 12 wrote six fresh batches with helpers and widened the lists after scoring each.
 * The first (40 concerns) caught 18: most misses named the child only as "he", "she" or a first
 * name ({@link #PRONOUN}, {@link #NAMED}); the rest were signs the lists lacked (no coat, an
 * untreated abscess, sextortion, running things for "olders", FGM's after-signs, a child who
 * cannot go home, a staff member's gifts to one pupil). The next five were scored against this
 * build and the session's first before they were read: concerns caught 28/40, 25/30, 25/30 and
 * 30/40 (first build 15, 12, 17 and 25: 108 of 140 against 69), and ordinary questions wrongly
 * caught 0/40, 5/80, 1/80, 4/150 and 1/100 (first build 0, 5, 1, 6 and 2: 11 of 450 against 14).
 * Most false alarms were questions the check did not read as questions ("is it fine to...", "did
 * I break policy?", "who handles that?") or words too broad alone ("horrible", "leave him out of
 * the photo", "on their own insurance"). Expect about three in four concerns worded afresh to be
 * caught, and two or three in a hundred ordinary questions about children to go to the DSL.
 *
 * <p>Session 13's two fresh batches, scored before they were read: 69 of 80 concerns caught and 3
 * of 160 ordinary questions wrongly caught ("do I also need to email parents", "where should she
 * keep it", "is that allowed" now read as questions about what is allowed; a long-sleeved top in
 * PE, a "much older boyfriend" and someone not on the collection list are now signs). With {@link
 * ConcernNeighbours} as well, 77 of 80 were caught and no more ordinary questions. A third batch,
 * scored the same way after those changes: 33 of 40 concerns caught by the lists, 37 with the
 * nearest examples (33 with the session's first build), and 2 of 80 ordinary questions wrongly
 * caught (2 with the first build); the lists were then widened for it (a question starting a
 * later sentence, "... Do I log this?", "do I use full names"; a child who screams or wets
 * herself when a carer arrives; an adult going into the changing rooms; someone not on the
 * contacts). A fourth batch, scored the same way at the session's end: 32 of 40 concerns caught
 * by the lists (33 with the first build), 38 with the nearest examples, and no ordinary question
 * of 80 wrongly caught; the lists were then widened for it (a question "should I tell someone?"
 * after a sign counts as telling; sexual exploitation's parties, alcohol from men and favours owed;
 * "won't matter soon, I've got a plan"; several signs that someone said, naming no one).
 *
 * <p>Session 14's fresh batch (E), scored before it was read with the session's first build: 28
 * of 40 concerns caught by the lists, 38 with the nearest examples; 2 of 80 ordinary questions
 * wrongly caught, both by the someone-in-the-child's-life route ("... is that normal?", "is there
 * an intimate care form ...?" now read as questions). The lists were widened for its misses:
 * upskirting, slurs for those outside a faith, "special tickles", "in bed with", a video "going
 * round", cuts on a wrist, not wanting to be alive, a young carer getting siblings up, food hidden
 * in pockets to take home, someone met on a game who is a grown man, a child who ran away and
 * was brought back by police, a threat to "sort her out". A second batch (F), scored the same way
 * after those changes: 30 of 40 by the lists (30 with the first build), 38 with the nearest
 * examples; 2 of 80 ordinary questions wrongly caught (1 by the lists, an injury at a football
 * match, now {@link #SPORTS_ACCIDENT}). The lists were widened for it: "one of mine" and a child
 * named by an initial ("K said", "M hasn't been in"), food withheld as punishment, a phone
 * searched and who one may talk to decided, food taken from lunchboxes, toothache for weeks,
 * bottoms grabbed, a room on their own with the door shut, designer things a poor family could
 * not buy, parents screaming, a family gone abroad. {@code src/test/resources/safeguarding/}
 * holds every batch; the lists alone miss 14 of its concerns, which the nearest examples find.
 */
final class SafeguardingCheck {

  /** Words that name a child, as alternatives for a pattern. */
  private static final String CHILD_WORDS =
      "pupils?|child|children|kids?|students?|tutees?|boys?|girls?|lads?|sons?|daughters?|bab(y|ies)|toddlers?|infants|juniors|reception|"
          + "twins|little ones?|y\\d{1,2}\\w*|yrs? ?\\d{1,2}s?|year \\d{1,2}s?|year (one|two|three|four|five|six|seven|eight|nine|ten|eleven)s?|"
          // "one of the mums" is not a child; "in 4C" is a class
          + "one of (my|the) (?!(mums?|dads?|parents?|carers?|teachers?|tas?|staff|governors?|colleagues?|volunteers?|cleaners?|cooks?|office)\\b)\\w+|"
          + "one of mine|tutor group|(in|from) my (class|form)|(in|from) \\d{1,2}[a-z]";

  /** Words that place the concern on a child. */
  private static final Pattern CHILD = Pattern.compile("\\b(" + CHILD_WORDS + ")\\b");

  /**
   * A child named only as "he" or "she" ("she told me her dad hits her with a belt", "he's come in
   * with a bruise on his cheek"). Staff tell a concern about the child they are thinking of that
   * way: a fresh batch of 40 concerns lost 9 to wanting a word like "pupil" or "year 4". Enough for
   * a secret or a sign of harm, as with a child named outright, not for the weaker routes below.
   */
  private static final Pattern PRONOUN =
      Pattern.compile("\\b(he|she|he's|she's|hes|shes|him|his|her|they've|theyve|they're|theyre|themself)\\b");

  /** Signs of harm a message naming no one needs before it counts as a concern about a child. */
  static final int MIN_SIGNS_UNNAMED = 2;

  /**
   * A child named by a first name ("Priya's mum shouted at her", "Mo hasn't been in for three
   * weeks"): a capitalised word, not one of the everyday capitalised words below, that owns
   * something or does something. Read on the text as typed, since case is the only sign of a name.
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "\\b(?!(?:I|Mum|Mums|Dad|Dads|Mr|Mrs|Miss|Ms|Sir|Year|Head|Nan|Gran|Grandad|God|Facebook|Instagram|Snapchat|Tiktok|TikTok|Google|"
              + "Youtube|YouTube|Roblox|Christmas|Easter|The|This|That|These|Those|My|Our|Their|His|Her|It|Its|We|You|They|There|Can|Could|Is|Are|Am|"
              + "Do|Does|Did|Should|Would|Will|What|Who|How|When|Where|Why|Which|If|And|But|So|Not|Just|Quick|Hi|Hello|Ok|Okay|Today|Yesterday|"
              + "Someone|Somebody|Everyone|Nobody|Office|School|Staff|Teacher|Parent|Parents|Child|Pupil)\\b)"
              + "(?:[A-HJ-Z]|[A-Z][a-z]{1,14})('s| (has|hasn't|hasnt|is|isn't|isnt|was|wasn't|keeps|kept|said|says|told|came|comes|seems|won't|wont|"
              + "doesn't|doesnt|didn't|didnt|gets|got|went|looks|cries|cried|turned|never|always))\\b");

  /** Physical harm, and being afraid of someone. */
  private static final String PHYSICAL =
      "abus\\w*|hit(s|ting)?|pin(s|ned|ning)? (\\w+ ){0,3}down|a cut (on|to)|hurt(s|ing)?|beat(s|en|ing)?|beaten up|bruis\\w*|black eye|marks (on|round|around)|"
          + "finger ?marks|burns?|burnt|burned|injur\\w*|slap\\w*|smack\\w*|kick(s|ed|ing)?|punch\\w*|belt|"
          + "grab(s|bed|bing)? (him|her|them)|push(es|ed|ing)? (him|her|them)|shov\\w*|chok(es|ed|ing)|strangl\\w*|"
          + "shak(es|ing|en) (him|her|them)|pull(s|ed|ing)? (his|her|their) hair|bald patch|"
          + "bandag\\w*|(story|stories|explanation|excuse)s? (keeps? changing|changes|does ?n'?t add up)|"
          + "flinch\\w*|(screamed|screams|cried|cries|froze|freezes|panicked|panics|hid|hides|wet (her|him|them)sel\\w*) when (her|his|their) "
          + "(step[- ]?dad|step[- ]?mum|stepfather|stepmother|dad|mum|father|mother|uncle|aunt|grandad|nan|mum's (boyfriend|partner)|dad's (girlfriend|partner)|carer)|"
          + "scared|scares|afraid|frightened|terrified|threat\\w*|blackmail\\w*|unsafe|not safe|handprint|"
          + "bite marks?|bitten|guns?|knife|knives|weapons?|cut lip|split lip|run away|runaway|ran away|police (brought|found|picked up)|"
          + "(will|gonna|going to) sort (her|him|them) out|(is|she's|he's|they're|shes|hes) in (real |serious )?danger|honou?r[- ]based|(family'?s?|the family) honou?r|dishonou?r\\w*|"
          + "(does ?n[o']?t|do ?n[o']?t|won'?t|could ?n'?t|can'?t|cannot|could not) (want to )?go home|scared to go home|begs? (me )?not to go home|locks? (him|her|them) in|locked in";

  /** Emotional harm: being shouted at, belittled, shut out or controlled. */
  private static final String EMOTIONAL =
      "shout(s|ed|ing)? (at|in)|wish(es|ed)? (she|he|they)('d| had)? never had (her|him|them)|"
          + "(is ?n'?t|not|never) allowed (to eat|(her |his |their )?(tea|dinner|breakfast|lunch|food))|goes through (her|his|their) phone|"
          + "decides who (she|he|they) (can|is allowed to|are allowed to) (talk|speak|see|go out)|(taken|takes|took) (her|his|their) (bank card|money|phone|passport) (off|from|away)|(has|have|had|made) to stay in (her|his|their) room|gone (really |very )?quiet|"
          + "screams? at|throws things|(is|was|being|are) horrible to (her|him|them)|worthless|never (been )?born|"
          + "calls? (her|him|them) (names|stupid|useless|fat|ugly|thick)|calling (her|him|them) (names|stupid|useless)|"
          + "withdrawn|stopped (talking|speaking|playing)|jump(s|y)|on edge|put (him|her|them) in care|"
          + "cr(y|ies|ying) (every|all)|(wo ?n'?t|does ?n[o']?t|never) let (him|her|them) (eat|sleep|see|go|out|speak|talk|play)";

  /** Neglect: hunger, hygiene, tiredness, cold, and being left unattended or with no one known. */
  private static final String NEGLECT =
      "neglect\\w*|no food|without food|(never|not|is ?n'?t|was ?n'?t) (any|enough) food|hungry|"
          + "(asks?|asking|begs?|begging|pester\\w*) (\\w+ ){0,3}(for|other (kids|children|pupils) for) (seconds|leftovers|food|(more|extra) food)|"
          + "(puts?|putting|stuff\\w*|hid(es|ing)?|sneak\\w*) (\\w+ ){0,2}(food|bread|rolls|fruit|snacks|leftovers) (\\w+ ){0,2}(in|into) (his|her|their) (pockets?|bags?)|"
          + "hoard(s|ing)? food|(takes?|taking|took|steals?|stealing|stole) (\\w+ ){0,2}food (out of|from)|(out of|from) (the )?(other (kids|children|pupils)'?s? )?lunch ?box(es)?|"
          + "tooth ?ache (for|since) (over )?(a |two |three |\\d+ )?(weeks?|months?)|can only chew|starv\\w*|lost (loads of |a lot of )?weight|(steal|stealing|steals|hid(es|ing)?) food|"
          + "out of the bins|nothing (to eat|in the (cupboards?|fridge))|(has ?n[o']?t|not|never) eaten|no breakfast|"
          + "dirty|filthy|smells?|smelly|stinks?|unwashed|matted|same (clothes|uniform)|nits for|"
          + "never (has|brings|gets) (a |any )?(lunch|packed lunch|breakfast|coat|dinner)|"
          + "falls? asleep|falling asleep|exhausted|tired all the time|always tired|"
          + "without a coat|no coat|(shaking|shivering) with cold|"
          // medical and dental neglect: an illness or pain no one has taken the child to be seen for
          + "untreated|abscess\\w*|swollen|(parents?|mum|dad|family) (are|is|has|have)? ?(not|n'?t|never) (respond\\w*|answer\\w*|replied|got back)|rotten teeth|teeth are (black|rotten)|tooth ?decay|"
          + "(never|not|nobody'?s|no one'?s|has ?n'?t|have ?n'?t) (been )?(taken|takes?|book\\w*) (him|her|them|the \\w+)? ?to (the )?(doctor|dentist|gp|hospital)|"
          + "(slept|sleeping|sleeps) (rough|outside|in the (park|shed|car|street))|(found|asleep) in the (bike )?shed|sleeps? on the floor|no bed|no (electricity|heating)|cold all the time|"
          + "home alone|left alone|unattended|unsupervised|leaves? (him|her|them)(?! out)|(left|leaves?|leaving|be|being|is|are|was|were|stays?|staying|home) (\\w+ ){0,5}on (their|his|her) own|"
          + "looks? after (his|her|their) (little|younger|baby)|(gets?|getting) (his|her|their) (little |younger |baby )?(brothers?|sisters?|siblings?) (up|ready|dressed)|young carer|"
          + "(mum|dad|mother|father|parent)('s| is| has been) (poorly|ill|unwell|in bed) (\\w+ ){0,3}(most|every|all) (days?|the time|week)|(nobody|no one|no-one) (knew|knows|came|collected)";

  /** Missing education: long unexplained absence, a family that cannot be reached. */
  private static final String MISSING =
      "missing (from )?(school|education|lessons|afternoons|mornings)|(has ?n[o']?t|not|never) been (in|at|to) school|"
          + "(has ?n[o']?t|not) been in (for|since)|"
          + "absent (for|since)|taken out of school|home educat\\w*|sent (abroad|away|back to)|"
          + "not answering (the )?(phone|calls|door)|(goes|going|went) (straight )?to voicemail|gone abroad|(he|she|they)('s| has| have| had|'ve)? (gone|goes|went|go|going) missing|missing from home|(keeps?|kept) (going|go|goes) missing|missing overnight|coming back with (gifts|money|presents|cash)|won'?t say (where|who)|"
          // private fostering: living with someone who is not a parent or close relative
          + "(living|staying|lives|stays) with (a |her |his |their |mum'?s |dad'?s )?(family )?friends?\\b";

  /** Sexual abuse, sexual harm between children, and staff who cross the line with a child. */
  private static final String SEXUAL =
      "sexual\\w*|passed (a)?round|knickers|(in|down|inside) (my|her|his|their) (pants|underwear)|rape|raped|nudes?|naked|no clothes|clothes off|undress\\w*|same bed|shar(e|es|ing) a bed|private parts|groom\\w*|porn\\w*|"
          + "sexting|inappropriate\\w*|uncomfortable|touch(es|ed|ing)? (her|him|them|me)|kiss(es|ed|ing)? (her|him|them)|"
          + "makes? (him|her|them) do things|comes? into (her|his|their) (room|bed)|"
          + "(takes?|taking|took) (pictures|photos|pics|videos|images) of (her|him|them)\\b|in the (bath|shower)|"
          + "(photos?|pictures?|pics?|videos?|images?) of (her|him|them)sel\\w*|"
          + "ask(s|ed|ing)? (her|him|them) for (photos|pictures|pics|nudes|images)|ask(s|ed|ing)? (her|him|them) to send (photos|pictures|pics|nudes|images)|"
          + "(gives?|giving|gave|given|buys?|bought) (her|him|them) (a |an )?(necklace|jewellery|bracelet|ring|presents?|gifts?)|"
          + "(grab\\w*|touch\\w*|pinch\\w*|slap\\w*) ([\\w']+ ){0,2}(bums?|bottoms?|breasts?|boobs?|crotch)|(room|office|cupboard) on (her|his|their) own|door (shut|closed|locked)|(shuts?|shutting|closes?|closing|locks?|locking) the door|"
          // an adult singling children out: "taking children out one at a time", a pupil's photo as his lock screen
          + "(takes?|taking|took|gets?|getting|calls?|calling) ([\\w']+ ){0,3}(out )?one at a time|"
          // an adult's attention fixed on one child: "kept taking pictures of one particular girl", "offered to drive her home"
          + "(pictures|photos|pics|videos) of (one|a|the same) (particular|certain|specific|little) (girl|boy|child|pupil|kid)|"
          + "offer(s|ed|ing)? to (drive|take|run|give) (her|him|them) (home|back|a lift)|"
          // grooming talk and contact: "tells her she's mature for her age", "messaging them late at night"
          + "mature for (her|his|their) age|(messag\\w*|texting|texts|texted|dm\\w*|chatting) (\\w+ ){0,3}(late at night|at night|after midnight|in the middle of the night)|"
          + "(adding|added|adds|follow\\w*) (\\w+ ){0,2}(kids|pupils|children|students|girls|boys|yr ?\\d+s?|year \\d+s?) on (tiktok|snapchat|snap|insta|instagram|whatsapp|facebook)|"
          // sexual material shown to a child: "her uncle shows her videos like that on his phone"
          + "(shows?|showed|showing|shown) (her|him|them) (videos|films|pictures|photos|clips|things) like that|(graphic|sexual|sexualised|explicit) (picture|drawing|pictures|drawings)|"
          + "(photo|picture|pic|image)s? of (a|an|one of)( \\w+){0,4} as (his|her|their) (lock ?screen|wallpaper|screensaver|background|profile pic\\w*)|"
          + "(side |empty |store )?(room|office|cupboard) alone|"
          + "(gives?|giving|gave|offer\\w*) (her|him|them) lifts|lifts home|alone with (her|him|them)|"
          + "messag(es|ed|ing) (her|him|them|a( \\w+){0,2} (" + CHILD_WORDS + ")) on|(text|texts|texting|texted) (her|him|them|a)\\b|"
          + "(she|he)('s| is) (his|her|their) favourite|"
          + "special (tickles|tickling|cuddles|games|massages?)|in bed with (a|an|the|her|him|them|me)\\b|pressur\\w* (her|him|them) (into|to)|"
          + "(videos?|photos?|pictures?|pics?|images?) of (it|her|him|them) (is |are |was |were )?(going|gone|went|being passed|being shared) (a)?round|"
          + "(showing|shown|sharing|shared|sent round|passing round) (everyone|people|others|a|the)( \\w+)? "
          + "(video|photo|picture|pic|image)s?|"
          + "(private|personal) (messages|number|mobile)|(gave|given|gives|giving) (\\w+ ){0,3}(his|her|their) (mobile|phone|personal) number|sit on (his|her) (lap|knee)|"
          + "(go|goes|going|went|gone|stays?|staying) (in|into) the ([\\w']+ ){0,2}changing rooms?|"
          // an adult's phone or camera on children where they undress
          + "(phone|camera|mobile|ipad)( \\w+){0,3} (pointed|pointing|aimed|aiming|held up) at (the )?(kids|children|pupils|boys|girls|them)|"
          + "(in|into|by|near|outside|at) the ([\\w']+ ){0,2}(changing rooms?|changing areas?|toilets?|showers?|cubicles?) with (his|her|their|a) (phone|camera|mobile|ipad)|"
          + "(phone|camera|mobile|ipad)( \\w+){0,2} while (the |my |our )?(\\w+ )?(kids|children|pupils|infants|boys|girls|class) (were|are|was|is) (getting )?(changed|changing|undressed|undressing|showering)|"
          // upskirting and pulling clothes off, which KCSIE counts as child-on-child sexual harassment
          + "(pull\\w*|lift\\w*|flick\\w*) ([\\w']+ ){0,2}skirts? up|up-?skirt\\w*|(pull\\w*|yank\\w*) ([\\w']+ ){0,2}(trousers|pants|shorts|knickers) down";

  /** Strangers and older "friends", online and offline, and the gifts that go with grooming. */
  private static final String STRANGERS =
      "older [\"“']?(boys?|lads?|girls?|kids|friends?|man|men|boyfriends?|girlfriends?)|(presents|gifts) from|(tells?|told|telling) (her|him|them) not to (tell|mention|say)|sweets|get in (his|her|the|a) car|stranger|"
          + "(online|gaming|internet) (friend|boyfriend|girlfriend)s?|met (him|her|them|someone) online|"
          + "met on (roblox|fortnite|minecraft|discord|tiktok|snapchat|instagram|whatsapp|a game|an app|the internet)|grown (man|men|woman|women)|"
          + "wants? to (meet|see) (her|him|them)|meet (up )?with (her|him)|keep (it|this|their chats?|a|them) private|"
          + "(their|our|a|special|little) secret|gift cards?|"
          + "(buys?|sends?|sent|gives?|gave|offer(s|ed)?) (him|her|them) (things|money|cash|gifts?|presents)|"
          + "asked (him|her|them) to (video call|call|meet|send)|"
          // an adult after a private way to reach one child: "asked a year 4 boy for his snapchat"
          + "ask(s|ed|ing)? (\\w+ ){0,4}for (his|her|their) (snapchat|snap|instagram|insta|tiktok|whatsapp|number|mobile number|phone number|address|username)|"
          // sextortion: an image held over a child for money
          + "sextort\\w*|unless (he|she|they) pays?|(send|share|post) it to (all )?(his|her|their) (followers|friends|contacts|family|parents|mum|dad|school)|demand(s|ing|ed)? (£|money|cash|\\d)|"
          + "(man|woman|someone|adult|person) (he|she|they) (won'?t|will not|does ?n'?t|refuses to) name|"
          // someone not allowed to collect a child trying to
          + "(is ?n'?t|not) on (the |his |her |their |\\w+'s )?((collection|pick[- ]?up) list|contacts? list|contacts)";

  /** Self-harm, suicidal talk and eating disorders. */
  private static final String SELF_HARM =
      "self[- ]?harm\\w*|wo ?n'?t matter (soon|much longer|for long)|(i'?ve|i have) got a plan|long[- ]sleeve[sd]?( \\w+){0,2} (in|for|during) (pe|summer|the heat|hot weather)|wo ?n'?t get changed|cutting (her|him|them)sel\\w*|(been|is|was) cutting|"
          + "(scars?|cuts) (on|all over) (the (inside|insides|back|top) of )?(her|his|their)|fresh cuts|"
          + "(scars?|cuts) on (the (inside|insides|back|top) of )?([\\w']+ ){0,3}(wrists?|arms?|legs?|thighs?)|"
          + "(does ?n'?t|do ?n'?t|not) want to (be alive|live|be here)( anymore| any more)?|"
          + "(does ?n'?t|do ?n'?t|can'?t) see the point|no point (anymore|any more|in living|in being here)|ways to (die|end it|kill)|"
          + "end it\\b|end(ing)? (her|his|their|my) (own )?life|saving (up )?(\\w+ ){0,2}(tablets|pills)|(better off|happier) if (i|he|she|they) (was|were) ?(n'?t|not) (here|around|alive)|how (he|she|they|i) would do it|better off without (me|her|him|them)|suicid\\w*|end(ing)? it all|kill(s|ing|ed)? (her|him|them)sel\\w*|"
          + "wants? to die|wish(es|ed)? (she|he|they|i) (was|were) dead|nobody would miss (her|him|them|me)|"
          + "(take|taking|took|swallow\\w*) (all )?(the |my |her |his |their )?(tablets|pills)|better off dead|not (being )?(be )?around (much )?(longer|anymore)|(wo ?n'?t|not) be here|"
          + "giv(e|es|ing) (her|his|their) (things|stuff|belongings|possessions) away|goodbye (letter|note)|overdos\\w*|"
          + "(not|stopped) eating|eating disorder|(only|barely|hardly) eaten|(get|getting|be) thinner|faint(s|ed|ing)?|skipping meals|anorexi\\w*|bulimi\\w*|makes? (her|him|them)sel\\w* sick";

  /** Criminal exploitation: drugs, gangs, county lines, unexplained money. */
  private static final String EXPLOITATION =
      "exploit\\w*|trafficked|county lines|drugs|cannabis|weed|gangs?|carry (packages|parcels|bags)|"
          + "(lots|loads|wads?|rolls?) of (money|cash)|designer (bags?|clothes|trainers|gear)|nails done|different (men|adults|cars)|expensive cars?|(won'?t|can'?t|does ?n'?t) explain|flash(es|ing|in)? (cash|money)|a lot of (money|cash)|(doing|for) favours|olders|"
          + "(running|runnin|run) (stuff|things|drugs|packages|parcels) for|"
          // sexual exploitation: parties, alcohol from older men, favours owed for lifts
          + "parties at (a|an|some|someone'?s|\\w+'s) (flat|house)|(men|adults|older \\w+) (give|gives|gave|giving) (them|her|him) (vodka|alcohol|drink|drinks|drugs)|"
          + "(has|have|had) to be nice to (them|him|the men)";

  /** Forced marriage and FGM, often around a trip abroad or a "special" ceremony. */
  private static final String MARRIAGE_AND_FGM =
      "forced marriage|found (me|her|him|them) a (husband|wife)|(being|be|getting|get) taken (to|abroad|out of the country)|(to be|to get|getting|be) married|marry|marrying|engaged to|"
          + "fgm|circumcis\\w*|walk(s|ing)? awkwardly|difficulty walking|(ages|a long time|so long) in the (toilet|loo|bathroom)|(get|be|being|getting) cut\\b|becom(e|ing) a woman|cutting ceremony|special (ceremony|procedure)";

  /** Radicalisation: extremist groups, symbols and violent content. */
  private static final String EXTREMISM =
      "radicali[sz]\\w*|explod\\w*|explosives?|bombs?|fight back|extremis\\w*|far[- ]right|islamist|jihad\\w*|isis|nazi\\w*|swastikas?|"
          + "white (power|supremac\\w*)|(should|must|need to) (all )?be (got rid of|wiped out|killed|sent back)|"
          + "taking over (the|our) country|(their|her|his|my) real family|(go|going|travel\\w*) abroad to join|terroris\\w*|propaganda|behead\\w*|martyr\\w*|fight for (the|our) cause|"
          // slurs for those outside a faith, and a preacher followed online
          + "kuffar|kafirs?|kaffirs?|infidels?|(hate|extremist|radical) preachers?|preachers? (\\w+ ){0,5}online";

  /** Domestic abuse at home, and a carer unfit to look after a child (drunk at pick-up). */
  private static final String DOMESTIC =
      "domestic|police (came|were called|were round)|(mum|dad|parents|adults|they) (were|was|are|is|kept) screaming|screaming at each other|hid(es|ing)? under (the|his|her|their) bed|throw(s|ing)? (plates|things|stuff)|threw (plates|things|stuff)|drunk|drinking|alcohol|smel(led|t|ling) of|slurring|under the influence";

  /** Child-on-child abuse: bullying and ganging up, which KCSIE counts as abuse. */
  private static final String CHILD_ON_CHILD = "bull(y|ies|ied|ying)|picked on|gang(ed)? up|ganging up|corner(s|ed|ing)? (him|her|them|one)|"
          + "(tak(e|es|ing|en)|took) (his|her|their) (dinner |lunch )?money|held (him|her|them) down|"
          + "refus(es|ing|ed) to come (in|to school)";

  /** Signs of harm, abuse, neglect or exploitation, by the kinds of harm in KCSIE. */
  private static final Pattern HARM =
      Pattern.compile(
          "\\b("
              + String.join(
                  "|", PHYSICAL, EMOTIONAL, NEGLECT, MISSING, SEXUAL, STRANGERS, SELF_HARM, EXPLOITATION,
                  MARRIAGE_AND_FGM, EXTREMISM, DOMESTIC, CHILD_ON_CHILD)
              + ")\\b");

  /**
   * An injury given a sporting cause ("he hurt his shin at his football match on saturday"): with
   * no other sign of harm, an accident to pass on to PE, not a concern. Another sign ("says he hurt
   * it at football but the bruises are finger-shaped") still counts.
   */
  private static final Pattern SPORTS_ACCIDENT =
      Pattern.compile(
          "\\b(at|during|in|playing) ((his|her|their|a|the) )?(football|rugby|netball|hockey|cricket|dance|gymnastics|swimming|karate|judo|"
              + "trampolining|pe|sports?)( (match|game|club|training|lesson|practice|class|day))?\\b");

  /**
   * Something unsuitable appearing on a screen ("a pop up came up on the IWB with some pretty
   * inappropriate stuff on it", "clicked a link ... and it redirected to a porn site"): with no
   * other sign of harm, an online safety incident the policies tell staff to report, not a
   * concern about a child, even when children saw it.
   */
  private static final Pattern SCREEN_INCIDENT =
      Pattern.compile("\\b(pop[- ]?ups?|popped up|came up on|clicked( on)? (a|the|an) (link|advert|ad)|redirect\\w*|appeared on (the|my) screen)\\b");

  /** The harm words unsuitable content on a screen alone gives: "inappropriate", "porn site". */
  private static final Pattern CONTENT_ONLY = Pattern.compile("inappropriate\\w*|porn\\w*");

  /** The harm words an injury alone gives: "hurt", "injured". */
  private static final Pattern INJURY_ONLY = Pattern.compile("hurt(s|ing)?|injur\\w*");

  /** Someone telling, showing or noticing it, or voicing the concern. */
  private static final Pattern TOLD_OR_NOTICED =
      Pattern.compile(
          "\\b(told|tells|said|says|saying|disclosed|confided|whispered|mentioned|let slip|admitted|opened up|showed me|"
              + "asked me not to tell|drew|drawn|drawing|wrote|written|heard|overheard|noticed|spotted|"
              + "i (found|noticed|saw|'ve seen|have seen)|came in with|comes in with|(has|have) been coming in|"
              + "(has|have|had) (got )?(a |some )?(marks?|bruises?|burns?|cuts?|black eye|lost)|is always|keeps|wo ?n'?t say|"
              + "i think|i suspect|worried|concerned|(came|come|comes|wanted|wants) to tell me|feels (off|wrong)|(does ?n'?t|did ?n'?t) feel right|"
              // asking whether to pass on something seen: "... should I report this?"
              + "(should|do) i (report|flag|mention|pass on) (this|that)|(should|do) i (tell|let) (someone|somebody|anyone|the head|the dsl)|(should|do) i (log|record) (this|that|it)\\s*(\\?|$))");

  /**
   * A question about what staff (or pupils) may do, or who or how to ask in general, which is not a
   * concern unless someone told or noticed something: "who do I report inappropriate messages
   * involving a child to?" asks for the policy's answer.
   */
  private static final Pattern ASKS_IN_GENERAL =
      Pattern.compile(
          "^(who|what|whats|what's|how|where|when|which)\\b|(^|[.!?] )(should|shall|must|do|does) (i|we|staff)\\b|\\bwhere (should|do|can) (i|we|he|she|they)\\b|"
              + "\\b((can|could|may) (i|we|pupils|students|children|the kids|kids|he|she|they)|is (it|that|this) (ok|okay|alright|fine|acceptable|appropriate|allowed)|"
              + "(am i|are we) (allowed|ok|okay|alright|fine|able) to|any (good |useful )?(resources|ideas|tips|suggestions|lesson plans)|are (the )?(pupils|children|kids|students|they|(y|yrs?|year) ?\\d{1,2}s) allowed|is (he|she) allowed|do i (also |still |really |just )?need|(do|should) i (use|put|include|cc|copy in))\\b");

  /** A child asking the member of staff to keep something secret is a disclosure whatever it is about. */
  private static final Pattern SECRET =
      Pattern.compile("\\b(asked me not to tell|not to tell (anyone|mummy|mum|mommy|daddy|dad|her mum|his mum)|keep (it|this|a|their chats?) (a )?secret|keep (it|this) between (them|us|you|ourselves)|keeps? (\\w+ )?secrets|promise not to tell|(begged|asked|made) me (to )?(promise )?not to (say|tell))\\b");

  /**
   * A member of staff voicing worry about one particular child ("i'm worried about a girl in year
   * 6, she ..."): the worry is the concern even when what follows has no harm word, so it goes to
   * the DSL unless it asks what is allowed. "who do i report a concern about a child to?" asks in
   * general and stays a question.
   */
  private static final Pattern WORRY_ABOUT_A_CHILD =
      Pattern.compile(
          "\\b(worried|worries|worry|concerned|concerns?|uneasy|bad feeling) (about|for|over|regarding) "
              + "(a|an|one|this|that|my)( \\w+){0,3} (" + CHILD_WORDS + ")\\b");

  /**
   * Someone in a child's life, at home, online or in school. A statement (not a question about
   * what is allowed) about a child and someone in their life is an account to pass on even in words
   * the harm lists do not know, whether the child told it ("a y2 lad told me his mum leaves him
   * ...") or staff saw it ("a girl in year 5 has stopped talking since her mum's new partner moved
   * in"). Requiring a telling verb ("said", "told") missed the second kind and, measured on the
   * development, check and safeguarding test sets, kept no usage question out that the other
   * filters let in. An account of a thing ("a pupil said the iPad won't charge") names no one.
   */
  private static final Pattern SOMEONE =
      Pattern.compile(
          "\\b(mum|mums|mummy|mom|mommy|mother|dad|dads|daddy|father|step ?(mum|mom|mother|dad|father)|stepdad|stepmum|"
              + "parents?|brother|sister|uncle|aunt|auntie|cousin|grandad|grandpa|grandma|nan|nana|boyfriend|girlfriend|"
              + "partner|ex|man|woman|men|women|adult|adults|stranger|someone|somebody|people|teacher|coach|neighbou?r|colleague|"
              + "older|friend of)\\b");

  /** A question about what to do or allow, anywhere in the text ("..., can he bring it in"). */
  private static final Pattern QUESTION_PART =
      Pattern.compile(
          "\\b(can|could|may|should|do|does|did) (i|we|he|she|they|you|parents?|carers?|pupils?|children|kids|staff|governors|the school|school)\\b|"
              + "\\b(clarify|confirm|check|know) (whether|if)\\b|\\b(are|is|am) (\\w+ ){1,2}(permitted|allowed) to\\b|"
              + "\\bis (that|this|it) (something|a thing|an issue|a problem)\\b|"
              + "\\b(are|is) (we|you|i|the school|school|staff) (responsible|liable|allowed|expected|meant|supposed|required)\\b|"
              + "\\bhow (do|does|can)\\b|\\bis (that|it|this) (ok|okay|allowed|alright)\\b|"
              // "... he misses his mum, is that normal?", "is there an intimate care form parents sign?"
              + "\\bis (that|it|this) (normal|usual|common)\\b|\\bis there (a|an|any) (\\w+ ){0,3}(form|policy|procedure|rule|guidance|letter|template)s?\\b|"
              + "\\bwhat (checks|do|does|should|is|are)\\b|\\bwho (do|does|should|can|needs|tells|will|would|handles|deals|decides|checks|approves)\\b|\\bwhere (do|should|can)\\b|"
              // staff asking after the fact or in short: "... from my own phone. was that ok?", "... ok to accept?"
              + "\\b(was|would|will) (that|it|this) (be )?(ok|okay|allowed|alright|fine)\\b|\\b(ok|okay|alright|fine) to \\w+( \\w+)?\\s*\\?");

  /**
   * Everyday family news a child passes on (a death, a new baby, a holiday, who collects them): told
   * about someone in the child's life, but no sign of harm, so not a disclosure on its own.
   */
  private static final Pattern FAMILY_NEWS =
      Pattern.compile(
          "\\b(died|passed away|funeral|having a baby|new baby|starting (in|at|school|reception|nursery)|collect(s|ing)? (him|her|them)|"
              + "holidays?|birthday|moving (house|to|away)|in the army|away for|visiting|disco|party|split up|divorc\\w*)\\b");

  /**
   * Technology and school business: a child's account of these ("someone hacked the class blog",
   * "his uncle wants to give a talk on e-safety") is news for a usage question, not a disclosure,
   * unless it also has a sign of harm.
   */
  private static final Pattern SCHOOL_THINGS =
      Pattern.compile(
          "\\b(ipads?|tablets?|laptops?|chromebooks?|computers?|chargers?|screens?|devices?|phones?|mobiles?|wifi|passwords?|logins?|blogs?|websites?|apps?|e-?mail(s|ed|ing)?|e-?safety|"
              + "online|internet|dojo|class photo|photos?|pictures?|pics?|images?|instagram|facebook|social media|texts?|videos?|films?|filming|assembly|trip|homework|reading|books?|talk)\\b");

  private SafeguardingCheck() {}

  static boolean isConcern(String question) {
    String q = VerdictReader.lower(question);
    boolean child = CHILD.matcher(q).find();
    // a child named by pronoun or first name counts for a secret or a sign of harm, not for the weaker routes
    boolean named = child || PRONOUN.matcher(q).find() || NAMED.matcher(question.replace('’', '\'')).find();
    if (named && SECRET.matcher(q).find()) {
      return true;
    }
    boolean general = ASKS_IN_GENERAL.matcher(q).find();
    if (child && !general && WORRY_ABOUT_A_CHILD.matcher(q).find()) {
      return true;
    }
    if (!named) {
      // no one named at all, but several signs told as news ("No coat again, same uniform all week,
      // starving at breakfast club. Worried.") or that someone said ("harrison just said 'wont
      // matter soon ive got a plan' do i tell someone")
      boolean news = !general && !QUESTION_PART.matcher(q).find();
      return (news || TOLD_OR_NOTICED.matcher(q).find()) && HARM.matcher(q).results().limit(MIN_SIGNS_UNNAMED).count() >= MIN_SIGNS_UNNAMED;
    }
    if (HARM.matcher(q).find() && !onlyHarmExplainedBy(q, SPORTS_ACCIDENT, INJURY_ONLY) && !onlyHarmExplainedBy(q, SCREEN_INCIDENT, CONTENT_ONLY)) {
      // a sign of harm someone told or noticed, or one not inside a general question about what is allowed
      return !general || TOLD_OR_NOTICED.matcher(q).find();
    }
    return child && SOMEONE.matcher(q).find() && !general && !QUESTION_PART.matcher(q).find()
        && !SCHOOL_THINGS.matcher(q).find() && !FAMILY_NEWS.matcher(q).find();
  }

  /**
   * Whether the message gives an everyday cause ({@link #SPORTS_ACCIDENT}, {@link #SCREEN_INCIDENT})
   * and its only signs of harm are the ones that cause explains ("hurt" at football, "inappropriate"
   * on a pop-up).
   */
  private static boolean onlyHarmExplainedBy(String q, Pattern cause, Pattern explainedHarm) {
    return cause.matcher(q).find() && HARM.matcher(q).results().allMatch(m -> explainedHarm.matcher(m.group()).matches());
  }

}
