/// Herald's own word valence lexicon, written for Herald (not derived from any other lexicon file).
///
/// Each line is `valence word word …`; valences run from −4 (most negative) to +4 (most positive). Words are
/// lower-case base forms; `SentimentLexicon` also finds simple inflections (`loved`, `hates`, `happier`, `badly`).
/// Boosters, dampeners and negators live in `SentimentRules`, not here.
enum SentimentLexiconData {
    static let text = """
    3.6 superb magnificent phenomenal marvelous marvellous breathtaking exquisite flawless outstanding spectacular
    3.5 awesome amazing fantastic wonderful excellent brilliant terrific fabulous incredible extraordinary perfect
    3.4 masterpiece masterful stunning sublime glorious heavenly divine dazzling triumphant exceptional
    3.3 love loves loved lovin luv adore adored adoring ecstatic elated thrilled overjoyed euphoric blissful bliss
    3.2 best greatest beautiful gorgeous lovely delightful delighted joyous joyful jubilant grateful thankful blessed
    3.1 happiest wonderfully beautifully brilliantly perfectly excellently superbly fantastically amazingly
    3.0 great awesomeness wow woohoo yay yaaay hooray hurray congratulations congrats congratulate fabulously
    3.0 exciting excited excitement thrilling inspiring inspired inspiration charming enchanting captivating
    2.9 happy happiness joy glad cheerful cheers smile smiles smiling laugh laughing laughter lmao lmfao rofl
    2.8 fun funny hilarious enjoy enjoyed enjoying enjoyable enjoyment pleasure pleasant pleased pleasing
    2.8 win winner winning won victory success successful succeed triumph champion celebrate celebration
    2.7 cool nice sweet kind kindness generous generosity caring compassionate compassion gentle warmhearted
    2.7 impressive impressed remarkable admirable admire admired superior splendid grand elegant graceful
    2.6 good goodness fine favorite favourite fave fav yummy delicious tasty scrumptious
    2.6 recommend recommended hopeful optimistic proud pride
    2.5 thanks thank thx ty appreciate appreciated appreciation appreciative helpful friendly welcoming
    2.5 lol haha hahaha hehe heh lolz yey yippee cute adorable sexy handsome pretty stylish
    2.5 peace peaceful calm relaxing relaxed relax serene tranquil comfortable comfy cozy cosy
    2.4 satisfied satisfying satisfaction fulfilling rewarding worthwhile valuable priceless treasure treasured
    2.4 smart clever intelligent genius wise wisdom talented talent gifted skilled skillful skilful capable
    2.3 hope hoping hopes wish wishes wishing luck lucky fortunate fortune blessing bless
    2.3 hug hugs kiss kisses xoxo sweetheart darling beloved friendship buddy
    2.2 fresh refreshing energetic energized vibrant lively alive glowing bright brighter brightest sunny sunshine
    2.2 honest honesty trust trusted trustworthy reliable dependable loyal loyalty faithful sincere genuine
    2.2 strong strength powerful confident confidence courage courageous brave bravery heroic hero heroes
    2.1 freedom safe safety secure protected healthy health heal healing healed cure cured recovered
    2.1 easy effortless smooth smoothly seamless convenient handy efficient effective fast quick quickly prompt
    2.0 likes liked liking improved improve improvement better upgrade upgraded progress
    2.0 interesting intriguing fascinating engaging compelling gripping absorbing entertaining witty
    2.0 promising promise opportunity opportunities benefit beneficial advantage useful worthy worth
    2.0 positive support supportive supported encourage encouraging encouraged encouragement motivated
    2.0 creative original innovative imaginative inventive unique special memorable unforgettable
    1.9 agree agreed approve approved accept accepted welcome welcomed polite courteous respectful respect
    1.9 solid sturdy durable professional attentive thorough punctual spotless clean tidy neat
    1.8 funnier playful party partying celebrated holiday holidays vacation
    1.8 rich wealthy affordable bargain discount reasonable fair fairly
    1.7 ok okay alright yes yeah yep yup certainly definitely indeed
    1.7 moving touching heartwarming heartfelt tender poignant soulful uplifting rousing stirring
    1.6 interested curious eager keen ready willing fond fondly warm warmth
    1.6 bonus gift gifts reward rewards prize award awards awarded honor honour honored
    1.5 smiley grin grinning wink giggle giggling chuckle amused amusing amusement tickled
    1.5 solidly decent decently respectable adequate acceptable sufficient
    1.5 relief relieved rested refreshed recharged revived
    1.4 ha hah yea yah okey kk nicee
    1.4 intact stable steady consistent balanced organized organised prepared
    1.3 please pls plz lucid coherent sensible logical practical realistic
    1.2 save saved saving share shared sharing gain gained gains earn earned
    1.0 mild modest humble simplicity
    0.9 funky quirky cheeky lighthearted

    -0.6 nah meh hmm hm hmmm eh whatever dunno unsure uncertain
    -0.8 average mediocre ordinary bland plain uneventful forgettable predictable formulaic generic
    -1.0 odd strange weird bizarre confusing confused confusion unclear vague puzzled puzzling
    -1.0 slow slowly late delay delayed delays wait waiting waited overdue postponed
    -1.1 tired sleepy exhausted drained weary fatigue fatigued
    -1.2 cold chilly gloomy grey gray cloudy dreary
    -1.2 difficult hardship struggle struggling struggled tough challenging complicated messy mess
    -1.3 busy hectic stressful stress stressed pressure overwhelmed overwhelming overworked
    -1.3 doubt doubtful doubts skeptical sceptical suspicious suspect questionable dubious
    -1.4 lack lacking lacks lacked missing absent empty hollow shallow thin flimsy weak weakness
    -1.4 boring bored bore dull tedious tiresome monotonous repetitive lifeless flat stale
    -1.5 sorry apologize apologise apology regret regrets regretted unfortunately unfortunate sadly
    -1.5 expensive overpriced pricey costly ripoff overrated overhyped
    -1.5 noisy loud crowded cramped dirty filthy smelly stinky sticky greasy
    -1.6 problem problems issue issues trouble troubles bug bugs glitch glitches error errors fault faulty
    -1.6 wrong mistake mistakes incorrect inaccurate failed fail fails failing failure flop
    -1.7 sad sadness unhappy upset lonely alone lonesome homesick miss missed
    -1.7 worry worried worries worrying anxious anxiety nervous scared afraid fear fears fearful frightened
    -1.8 sick ill illness flu fever ache aches aching hurt hurts hurting pain painful sore headache
    -1.8 annoying annoyed annoy annoys irritating irritated irritate frustrating frustrated frustration
    -1.9 bad poor poorly badly lousy shoddy sloppy careless clumsy lame cheap cheesy corny
    -1.9 rude unfriendly unhelpful impolite arrogant condescending dismissive ignorant ignored ignore
    -2.0 angry anger mad furious pissed rage outraged outrage livid irate grumpy cranky
    -2.0 hate hates hated hating dislike disliked dislikes loathe loathed despise despised detest
    -2.0 ugh argh grr grrr boo booo yuck ew eww ewww gross
    -2.0 damn dammit damnit darn crap crappy sucks suck sucked sucky blah bleh
    -2.1 stupid dumb idiot idiotic moron moronic silly foolish fool pointless senseless nonsense ridiculous
    -2.1 ugly hideous unattractive awkward embarrassing embarrassed embarrassment shame shameful ashamed
    -2.2 disappointed disappointing disappointment letdown underwhelming underwhelmed unimpressed
    -2.2 broken broke breaking breakdown damaged damage ruined ruin ruins wrecked wreck destroyed destroy
    -2.2 lose loses losing loser losers defeat defeated
    -2.3 unfair unjust injustice cheat cheated cheating lies lied liar lying fake fraud scam scammed
    -2.3 hopeless helpless useless worthless meaningless futile powerless
    -2.4 cry cries crying cried tears sob sobbing weep weeping heartbroken heartbreak heartbreaking
    -2.4 depressed depressing depression miserable misery gloom despair desperate
    -2.5 terrible horrible awful dreadful atrocious abysmal appalling pathetic
    -2.5 worst worse worsen worsened worsening
    -2.5 fuck fucked shit shitty bullshit wtf ffs piss bitch bastard asshole dick
    -2.6 disgusting disgusted disgust revolting repulsive vile nasty sickening nauseating
    -2.6 hellish nightmare nightmarish disaster disastrous catastrophe catastrophic tragic tragedy
    -2.7 threat threaten threatened threatening danger dangerous risky unsafe hazardous
    -2.8 hurtful cruel cruelty brutal vicious malicious evil wicked sinister
    -2.8 violence violent attack attacked assault assaulted abuse abused abusive harass harassed harassment
    -2.9 die dies died dying dead death deaths deadly kill killed kills killing murder murdered murderer
    -3.0 hateful horrific horrendous horrifying horrified terrifying terrified terror terrorist terrorism
    -3.0 awfulness worthlessness disgrace disgraceful despicable contemptible shameless unforgivable
    -3.2 tortured torture agony agonizing excruciating unbearable intolerable insufferable
    -3.4 catastrophically horribly terribly awfully dreadfully

    2.6 recommendable praised praise praises acclaimed
    2.4 wins
    -1.0 cancel cancelled canceled cancellation refund refunded return returned complain complaint complaints
    -1.2 unavailable unresponsive unreachable
    -1.8 avoid avoided avoiding beware warning warned
    -2.2 unacceptable inexcusable incompetent incompetence negligent negligence
    2.0 dearest
    1.6 friend friends
    1.5 honey free
    1.2 dear like weekend
    1.0 clear clearly sure truth
    0.9 true
    0.8 real simple
    -0.6 rain
    -0.8 rainy hard
    -1.5 lie
    -1.6 lost
    -2.2 hell
    3.0 awesomely stellar impeccable immaculate faultless unbeatable
    2.8 knowledgeable accommodating hospitable gracious thoughtful considerate
    2.5 mouthwatering flavorful flavourful succulent fantastico
    2.4 recommendation recommending loving lovable loveable adorably sweetest kindest nicest
    2.2 spacious roomy efficiently promptly responsive attentively
    2.0 resolved solved refundable intuitive straightforward
    1.8 juicy crispy crunchy fluffy warmly cozier
    1.5 inexpensive value
    -1.2 crowds lukewarm soggy chewy undercooked overcooked burnt burned
    -1.5 unprofessional unorganized disorganized chaotic inattentive unclean stained moldy mouldy
    -1.8 cockroach cockroaches roaches mice rats bedbugs infested
    -2.0 overcharged overcharge ripped rudeness rudely unfriendliness
    -2.2 scammers scamming dishonest deceptive misleading shady sketchy
    -2.5 poisoning vomit vomiting vomited diarrhea
    -2.8 horrid
    3.0 miracle paradise heaven magical bravo kudos huzzah
    2.6 enthusiastic enthusiasm passionate passion loveliness epic woot w00t ftw
    2.2 gladly cheer cheered cheering applause magic dream dreams angel angels props proudly fearless
    2.0 surprise surprised amazed astonished profit profits growth promotion promoted bff ily xo gr8 fab rad dope
    1.6 hello hi hey boost boosted rise rising hire hired dreaming worship fantasy
    1.2 bold geek nerd raise
    -0.8 idk bye goodbye shy sigh awake mock
    -1.2 bother bothered hassle nuisance stuck drop dropped decline declined tease jk joke jokes joking kidding
    -1.4 smh crazy insane nuts freak creepy spooky haunted hungry
    -1.6 annoyance jealous envy envious lazy selfish greedy greed unlucky pity pitiful shock shocked shocking stunned oops ouch yikes omg omfg
    -1.8 loss losses debt slump plunge plunged recession refuse refused deny denied reject rejected rejection ban banned block blocked
    -2.0 fml wth sucker offend offended offensive insult insulted mocked scary accident crash crashed fight fighting fought battle
    -2.2 fired unemployed layoffs bankrupt bankruptcy poverty hunger starving sickness disease trapped crisis
    -2.4 injured injury wounded victim victims crime criminal thief steal stole stolen rob robbed corrupt corruption jail prison arrest arrested
    -2.6 grief grieve grieving mourn mourning sorrow sorrowful funeral grave cancer monster devil demon
    -2.8 war wars gun guns shooting shot bomb bombs bombing
    """
}
