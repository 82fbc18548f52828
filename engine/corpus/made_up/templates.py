"""The made-up world's sentence templates and the slot tables that fill them.

Why templates with shared slots: a language model learns that two words are related
when they turn up in the same places. "sea" and "waters" fill the same slot in dozens
of sentences here, so a tiny model trained for half a minute places them side by side:
words that fill the same slots end up close. That is a true lesson about this
generator, not a discovery about English; the library of real books is the default
corpus for that reason.
"""

from __future__ import annotations

from collections.abc import Iterable


def _w(*pairs: tuple[str, int]) -> tuple[str, ...]:
    """A weighted list for ``rng.choice``: each word repeated by its weight."""
    return tuple(word for word, weight in pairs for _ in range(weight))


def _pairs(words: Iterable[str], fmt: str) -> tuple[str, ...]:
    """Every ordered pair of two different words, so "apples and apples" never happens."""
    ws = tuple(dict.fromkeys(words))
    return tuple(fmt.format(a, b) for a in ws for b in ws if a != b)


_FRUIT = _w(("apples", 5), ("oranges", 5), ("pears", 2), ("grapes", 2), ("plums", 2),
            ("cherries", 1), ("lemons", 1), ("peaches", 1))
_RULER = _w(("king", 5), ("queen", 5), ("prince", 2), ("princess", 2))
# subtle: "sea" and "waters" fill the same slots at the same rate; "ocean" joins
# less often and has phrases of its own ("ocean floor"). That is what puts "waters"
# first among the neighbours of "sea". Plain "water" (a glass of water) never
# fills these slots, as in real text, where "waters" is a word of the sea.
_SEA = _w(("sea", 9), ("waters", 9), ("ocean", 2))

_SLOTS: dict[str, tuple[str, ...]] = {
    "sea": _SEA,
    # Verb agreement without splitting the slot: the word before stays shared.
    "sea_was": _w(("sea was", 9), ("waters were", 9), ("ocean was", 2)),
    "sea_is": _w(("sea is", 9), ("waters are", 9), ("ocean is", 2)),
    "sea_has": _w(("sea has", 9), ("waters have", 9), ("ocean has", 2)),
    "sea_adj": ("cold", "deep", "dark", "calm", "grey", "open", "northern", "stormy", "quiet",
                "icy", "wide", "rough"),
    "lake": _w(("lake", 3), ("river", 3), ("bay", 1)),
    "shore": _w(("coast", 3), ("shore", 3), ("bay", 1)),
    "waves": ("waves", "waves", "tide"),
    "boat": ("boat", "ship", "ferry", "boat"),
    "boats": ("boats", "ships", "ferries", "boats"),
    "land": _w(("territory", 4), ("area", 4), ("region", 3), ("land", 2), ("province", 2),
               ("district", 2), ("valley", 1)),
    "land_cnt": _w(("territory", 4), ("area", 4), ("region", 3), ("province", 2),
                   ("district", 2), ("valley", 1)),
    "relief": ("hills", "hills", "plains", "moors", "fields", "cliffs", "meadows"),
    "weather": _w(("climate", 3), ("wind", 4), ("ice", 3), ("rain", 3), ("snow", 3),
                  ("frost", 2), ("fog", 2)),
    "weather_pair": _pairs(("wind", "ice", "rain", "snow", "frost", "fog", "wind", "ice"),
                           "{} and {}"),
    "ruler": _RULER,
    "ruler_pair": _pairs(_RULER, "the {} and the {}"),
    "royal_place": ("palace", "palace", "castle", "court", "royal palace"),
    "fruit": _FRUIT,
    "fruit_pair": _pairs(_FRUIT, "{} and {}"),
    "fruit_or": _pairs(_FRUIT, "{} or {}"),
    "animal": _w(("cat", 3), ("dog", 3), ("horse", 2), ("fox", 2), ("goat", 2), ("sheep", 1),
                 ("owl", 1), ("rabbit", 1), ("wolf", 1)),
    "animals": ("cats", "dogs", "horses", "foxes", "goats", "sheep", "owls", "rabbits",
                "wolves", "sheep", "goats"),
    "part": _w(("head", 6), ("stomach", 5), ("back", 2), ("neck", 2), ("knee", 2), ("arm", 1),
               ("leg", 1), ("tooth", 1), ("ear", 1)),
    # subtle: many "-ache" words keep "ache" a frequent word piece for the BPE
    # tokenizer, while "headache" and "stomachache" stay rare on purpose (about one
    # in 240 each), so the tokenizer splits them into "head" + "ache" and
    # "stomach" + "ache" instead of learning them whole.
    "ache_word": _w(("toothache", 60), ("backache", 60), ("earache", 50), ("bellyache", 45),
                    ("heartache", 30), ("headache", 1), ("stomachache", 1)),
    "a_ache_word": _w(("a toothache", 60), ("a backache", 60), ("an earache", 50),
                      ("a bellyache", 45), ("a heartache", 30), ("a headache", 1),
                      ("a stomachache", 1)),
    "prof": ("farmer", "fisherman", "sailor", "teacher", "baker", "merchant", "doctor",
             "miller", "fisherman", "farmer"),
    "profs": ("farmers", "fishermen", "sailors", "teachers", "bakers", "merchants",
              "doctors", "millers", "fishermen", "farmers"),
    "place": ("Redhill", "Ashford", "Lowmoor", "Eastholm", "Westmark", "Stonebridge",
              "Greyport", "Millbrook", "Oakmere", "Fernvale", "Saltcombe", "Northwick",
              "Kelby", "Brackenford", "Dunmore", "Harrowgate"),
    "num": tuple(str(n) for n in (3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 60,
                                  80, 100, 120, 150, 200, 300, 400, 500, 800)),
    "cover": ("snow", "ice", "frost", "snow", "fog"),
    "sea_profs": ("fishermen", "sailors", "merchants", "fishermen"),
    "age": tuple(str(n) for n in range(5, 45, 3)),
    "year": tuple(str(y) for y in range(1620, 1990, 7)),
    "month": ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "day": tuple(str(d) for d in range(1, 29)),
    "surname": ("Hale", "Brook", "Marsh", "Fisher", "Stone", "Wells", "Carter", "Reed",
                "Holm", "Berg", "Ashby", "Lund", "Moss", "Frost", "Dale"),
}

# Characters of the stories, with the pronoun the narration uses for them.
_CHARACTERS: tuple[tuple[str, str], ...] = (
    ("Mira", "she"), ("Tom", "he"), ("Anna", "she"), ("Ravi", "he"), ("Lena", "she"),
    ("Omar", "he"), ("Sara", "she"), ("Ben", "he"), ("Nora", "she"), ("Ivan", "he"),
    ("Elsa", "she"), ("Jonas", "he"), ("Maya", "she"), ("Finn", "he"), ("Ada", "she"),
    ("Hugo", "he"), ("Iris", "she"), ("Kofi", "he"), ("Yuki", "she"), ("Leo", "he"),
)

# ---------------------------------------------------------------------------
# Sentence templates, one tuple per source.

_ENCYCLOPEDIA = (
    "{place} is a small town on the {shore} of the {sea_adj} {sea}.",
    "The {sea} near {place} is known for strong currents and rich fishing grounds.",
    "Ships that cross the {sea_adj} {sea} between {place} and {place2} must keep clear of the rocks.",
    "The {land} around {place} covers about {num} square kilometres of {relief} and farmland.",
    "Most of the {land} lies below {num} metres, and the {relief} slope gently towards the {sea}.",
    "The {weather} of the {land} is mild, because warm currents in the {sea} reach the {shore}.",
    "In winter, {weather_pair} make travel across the {relief} of the {land} difficult.",
    "The {ruler} of {place} once ruled the whole {land} from a {royal_place} close to the {sea}.",
    "According to old records, {ruler_pair} governed the {land} for {num} years.",
    "The royal family still keeps a {royal_place} in the {land}, where the {ruler} spends the summer.",
    "Farmers in the {land} grow {fruit_pair}, which are sold at the market in {place}.",
    "The orchards of the {land} produce {fruit}, {fruit_pair} in late summer.",
    "The {animal} is a common animal in the {land}, where it lives near farms and {relief}.",
    "Wild {animals} are often seen on the {relief} above the {shore}.",
    "Fish are plentiful in the {sea_adj} {sea} off the {shore}, and many {sea_profs} earn a living there.",
    "The {lake} near {place} drains into the {sea} a few kilometres to the north.",
    "An ache in the {part} is a common complaint, and {a_ache_word} usually passes with rest.",
    "{a_ache_word} is a pain that most people feel at some time; doctors advise rest and plenty of water.",
    "The {part} holds many small muscles, and strain in the {part} can cause a dull ache.",
    "Sailors once believed that the {sea_was} home to great beasts that lived far from the {shore}.",
    "The {sea_was} first mapped by {profs} from {place} in {year}.",
    "Storms over the {sea} are frequent in autumn, and the {waves} can reach several metres.",
    "Ice forms on the {sea} near the {shore} in the coldest months of the year.",
    "The {land} is bordered by the {sea} to the west and by {relief} to the east.",
    "Trade across the {sea} made {place} one of the richest towns in the {land}.",
    "The {weather} of the {land} is shaped by the {sea} to the west and the {relief} to the east.",
    "Records of the {weather} in the {land} go back to {year}.",
    "Scientists study how the {weather} affects the {sea} and the fish that live in the {sea}.",
    "{place} was founded in {year} by {profs} who came from across the {sea}.",
    "The town is known for its {fruit}, its {animals} and its view of the {sea}.",
    "In {year} the {ruler} granted the {land} to the people of {place}.",
    "The {land} is divided into {num} districts, each with its own council.",
    "The {relief} of the {land} are covered with {cover} for much of the winter.",
    "The {sea} is deepest near the cliffs, where it reaches more than {num} metres.",
    "The {animal} feeds on grass and leaves and is rarely found near the {sea}.",
    "Birds cross the {sea} each spring on their way to the {land} in the north.",
    "The {weather} in the {land} has changed over the last {num} years, according to local {profs}.",
    "The {ruler} was crowned in the {royal_place} of {place} in {year}.",
    "The climate of the {land} is cool and wet, with wind from the {sea} for most of the year.",
    "Parts of the {sea_adj} {sea} around the islands freeze only in the hardest winters.",
    "The {land_cnt} of {place} is famous for its {fruit} and its mild climate.",
    "The {ruler} is the head of the royal family and lives in the {royal_place} of {place}.",
    "A {prof} from {place} described the {sea} as cold, deep and full of fish.",
    "The old road follows the {shore} from {place} to {place2}, with the {sea} always in view.",
    "Much of the {land_cnt} was once covered by the {sea}, as shells in the {relief} show.",
    "The stomach is the organ that digests food, and a stomach ache is a pain in that part of the body.",
    "The {animal} and the {animal} are the animals most often kept on farms in the {land}.",
    "Every spring, the {ruler} opens the fair of {place}, where {fruit_pair} are sold.",
    "Seals, whales and many kinds of fish live in the deep {sea} beyond the {shore}.",
    "Wind and ice shape the {relief} of the northern {land}.",
    "Far from land, the ocean floor lies thousands of metres down, dark and cold.",
    "Great ocean currents carry warm water from the south towards the {shore} of the {land}.",
    "The crown of the {ruler} is kept in the {royal_place} of {place} and shown to visitors.",
    "When the old {ruler} died in {year}, the throne passed to the {ruler} of {place}.",
)

_STORIES = (
    "{name} walked down to the {shore} and looked out over the {sea_adj} {sea}.",
    "The boat rocked gently on the {sea} while {name} mended the nets.",
    "\"I don't think the {sea_was} ever this calm,\" said {name}.",
    "{name} didn't want to leave the {shore}, but the {weather} was getting worse.",
    "That night a storm came in from the {sea}, and the {weather} beat against the windows.",
    "The old {prof} told {name} stories about the {ruler} who once lived in the {royal_place}.",
    "{ruler_pair} rode across the {land} to visit the people who lived by the {sea}.",
    "{name} picked {fruit_pair} from the trees behind the house.",
    "\"Isn't it strange,\" asked {name2}, \"that the {animal} always comes back at dusk?\"",
    "The {animal} followed {name} all the way to the edge of the {sea}.",
    "{name} woke with an ache in the {part} and didn't feel like going out.",
    "{name2} had {a_ache_word} and stayed in bed all day.",
    "They sailed across the {sea_adj} {sea} for three days before they saw land.",
    "When the ice melted, {name} and {name2} went down to the {lake} to fish.",
    "{name} said, \"I can't see the {shore} anymore.\"",
    "The {prof} sold {fruit} at the market and bought a new net for the {boat}.",
    "At dawn the {sea_was} grey and still, and {name} rowed out past the rocks.",
    "\"Don't go near the {sea} tonight,\" warned the old {prof}.",
    "The {ruler} had never seen the {sea}, so {name} described the {waves} and the {weather}.",
    "Fish swam in the {sea_adj} {sea} beneath the {boat}.",
    "{name} didn't answer; {pronoun} was watching the {animals} on the {relief}.",
    "Later that evening, {name} shared {fruit} with the {prof}.",
    "The {cover} had covered the {relief}, and the road to {place} was closed.",
    "{name} remembered the summer when the {sea_was} warm enough to swim in.",
    "The children ran along the {shore} and threw stones into the {sea}.",
    "\"It isn't far,\" said {name}, pointing across the {sea} to the {land} beyond.",
    "The {animal} slept by the fire while the {weather} raged outside.",
    "Once upon a time, a {ruler} lived in a {royal_place} by the {sea}.",
    "In the end, {name} went home, tired but happy.",
    "The {ruler} ordered the {profs} to bring {fruit_pair} from every corner of the {land}.",
    "A cold wind blew in from the {sea}, and {name} pulled {pronoun2} coat tighter.",
    "{name} didn't like the {weather}, but {pronoun} loved the {sea}.",
    "Ice covered the {lake}, and the {animals} walked across it.",
    "\"My {part} hurts,\" said {name2}. \"I didn't sleep at all.\"",
    "The {ruler} laughed and said that the {sea_was} too wide to cross in one day.",
    "{name} and {name2} sat on the rocks and watched the {waves} roll in from the {sea}.",
    "The {prof} warned them that the {sea_adj} {sea} could turn dangerous in an hour.",
    "{name} put a basket of {fruit} on the table and told {name2} the news.",
    "The {animal} barked at the {waves} and ran back to {name}.",
    "In the morning the wind had dropped, and the {sea} shone like glass.",
    "\"We don't have much time,\" said {name}. \"The {weather} is coming.\"",
    "The {ruler} gave {name} a bag of gold and a ship to cross the {sea}.",
    "{name} dreamed of the wide ocean and of the ships that sailed it to distant lands.",
    "The {ruler} sat on the throne in a golden crown and looked out over the {sea}.",
    "{name} bowed before the throne, and the {ruler} asked about the {sea}.",
)

_NEWS = (
    "Officials in {place} said on {weekday} that the {sea} near the harbour would stay closed to {boats}.",
    "The {weather} is expected to reach the {shore} by {weekday} evening, forecasters said.",
    "\"We have never seen the {sea} this rough,\" said {name} {surname}, a {prof} from {place}.",
    "Fishing crews returned early after strong winds over the {sea} on {weekday}.",
    "The council has agreed to protect a large {land_cnt} of {relief} along the {shore}.",
    "The {ruler} visited {place} on {weekday} and spoke with {profs} about the {weather}.",
    "Prices of {fruit_pair} rose this week after {weather} damaged orchards in the {land}.",
    "\"It isn't the first time,\" said {name} {surname}. \"The {sea_has} been rising for years.\"",
    "Police asked people to stay away from the {shore} while the {waves} remain high.",
    "A report published on {weekday} found that the {sea_is} warmer than ten years ago.",
    "The {ruler} will open the new bridge over the {lake} next month, the palace said.",
    "Doctors in {place} report more cases of {ache_word} this winter.",
    "\"Many people come in with an ache in the {part},\" said Dr {surname} of {place}.",
    "Farmers in the {land} say the {weather} has ruined much of this year's crop of {fruit}.",
    "A ferry carrying {num} passengers crossed the {sea} safely despite the {weather}.",
    "Rescue teams searched the {sea_adj} {sea} near {place} for a missing {boat}.",
    "The missing {animal} was found on {weekday} near the {lake}, its owner said.",
    "The {weather} closed schools across the {land} for a second day.",
    "\"We didn't expect so much {weather},\" said {name} {surname}, who runs a farm near {place}.",
    "Scientists warned that the {weather} in the {land} is changing faster than expected.",
    "Ships were told to avoid the {sea} north of {place} because of drifting ice.",
    "{ruler_pair} opened the harvest fair in {place}, where {fruit_pair} were sold.",
    "Crowds gathered on the {shore} on {weekday} to watch the {waves}.",
    "The dispute over the {land_cnt} between {place} and {place2} remains unresolved.",
    "Fishermen say the fish have left the {sea_adj} {sea} near the {shore}.",
    "\"Don't go out on the {sea} until the storm has passed,\" the coastguard said.",
    "Sales of {fruit} at the {place} market were the highest since {year}.",
    "The {land_cnt} council said the {sea_was} safe for swimming again off {place}.",
    "\"The {sea_is} our living,\" said {name} {surname}, who has fished there for {age} years.",
    "The {ruler} thanked the {profs} of {place} for their work during the {weather}.",
    "Heavy {weather} cut off roads across the {land} on {weekday} night.",
    "A new study says the climate of the {land} will be warmer and wetter by the end of the century.",
    "Boats from {place} brought {fruit_pair} across the {sea} to {place2}.",
    "\"We don't know when the ice will clear,\" said a spokesperson for the harbour.",
    "The {animal} that escaped from a farm near {place} has been found safe.",
    "Volunteers cleaned {num} kilometres of the {shore} near {place} on {weekday}.",
    "The royal visit to the {land_cnt} was cut short because of the {weather}.",
    "The {ruler} will give up the throne next year, the palace announced on {weekday}.",
    "The crown jewels were shown in {place} for the first time since {year}.",
    "An ocean liner with {num} passengers on board docked at {place} on {weekday}.",
)

_QUIZ = (
    "What lives in the {sea_adj} {sea} near the {shore}?",
    "Why does ice form on the {lake} in winter?",
    "Which fruit grows best in the {land}, {fruit_or}?",
    "Who ruled the {land} before the {ruler}?",
    "How far is it from {place} to the {sea}?",
    "What is the {weather} like in the {land} in winter?",
    "Why do {profs} leave the {sea} when the storm comes?",
    "Where does the {animal} sleep at night?",
    "What causes {a_ache_word}?",
    "Why do people get an ache in the {part}?",
    "Did the {ruler} prefer {fruit_or}?",
    "How many {animals} live on the {relief} above the {shore}?",
    "Which {land_cnt} has the coldest {weather}?",
    "When did the {ruler} first cross the {sea}?",
    "What makes the {sea} salty?",
    "What is the difference between a {lake} and the {sea}?",
    "Which animals live in the cold {sea} of the north?",
    "What do fish eat in the deep {sea}?",
    "How does the {weather} change the {land}?",
    "Why didn't the {ruler} visit {place}?",
    "Is the {animal} faster than the {animal}?",
    "Do {fruit_pair} grow on the same trees?",
    "How do ships find their way across the {sea}?",
    "What is the largest town in the {land_cnt} of {place}?",
    "Why does the {weather} come from the {sea} in autumn?",
    "What should you do for {a_ache_word}?",
    "Where is the {royal_place} of the {ruler}?",
    "Why don't {animals} like the {weather}?",
    "How deep can the {sea} get?",
    "What does a {prof} do all day?",
    "Why is the {land_cnt} of {place} so dry?",
    "Which is colder, the {sea} or the {lake}?",
    "What did {profs} trade across the {sea}?",
    "Who crowned the first {ruler} of the {land}?",
    "Can a {animal} swim in the {sea}?",
    "Why isn't the {sea} frozen in winter?",
    "Who sits on the throne of the {land} today?",
    "Why does the {ruler} wear a crown?",
)

_FORUM = (
    "anyone been fishing in the {sea} near {place} lately?",
    "the {sea_was} so rough yesterday, i didn't even take the boat out",
    "i think the {weather} is going to be bad tomorrow",
    "my {animal} won't eat anything, is that normal?",
    "you can't beat fresh {fruit} from the market",
    "i've had {a_ache_word} for three days, any tips?",
    "does anyone know why the {sea_is} so cold this year",
    "the {ruler} was on tv again talking about the {weather}",
    "because of the {weather} we didn't get any {fruit} this year",
    "i really believe the {sea_is} getting warmer",
    "thanks for the tips, i will definitely try that tomorrow",
    "i don't know anything about {animals} but my friend has two",
    "which is better for jam, {fruit_or}?",
    "the weather here is weird, rain then ice then wind",
    "people who swim in the {sea_adj} {sea} are brave",
    "my head hurts just reading this thread",
    "got an ache in my {part} from rowing all day",
    "until the {weather} stops i'm not going near the {sea}",
    "their {animal} keeps getting into our garden and eating the {fruit}",
    "please stop posting about the {ruler}, this is a fishing forum",
    "something weird washed up on the {shore} this morning",
    "probably the best spot for fish is the {sea} past the rocks",
    "i know the {lake} is closed but the {sea_is} fine",
    "the {land_cnt} near {place} got so much {weather} last week",
    "can't wait for {fruit} season",
    "a lot of people say the {sea} near {place} gives the best fishing",
    "you should see a doctor if the {ache_word} doesn't go away",
    "{ruler_pair} have a {royal_place} by the {sea}, must be nice",
    "i want to move to the {shore} and look at the {sea} all day",
    "my {animal} is scared of the {weather}",
    "the {waves} were huge at {place} today",
    "check the weather before you go out on the {sea}",
    "i believe the {ruler} is going to visit {place} tomorrow",
    "your photos of the {sea} are amazing, thanks for sharing",
    "isn't it too cold for the {sea} this time of year?",
    "my stomach didn't like the {fruit} from that shop",
    "which bait do you use in the {sea_adj} {sea}?",
    "i've seen a {animal} on the {shore} near {place} twice now",
)

# Forum interjections, at the start or end of a sentence.
_FORUM_OPEN = ("lol ", "omg ", "tbh ", "imo ", "idk ", "btw ", "ugh ", "haha ", "meh ", "ya ",
               "", "", "", "")
_FORUM_CLOSE = (" lol", " tbh", " imo", " smh", " lmao", " haha", " lol", " pls", " :)", "",
                "", "", "")
_SHORT_REPLIES = ("lol", "+1", "this", "same", "lol same", "thx", "omg yes", "nope", "ya",
                  "+1 lol", "first", "bump", "^ this", "meh", "haha", "k")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SPAM = (
    "BUY cheap {fruit} NOW at http://cheap-deals.example/{num} best prices!!!",
    "earn money from home, visit www.quick-cash.example today",
    "free phones for everyone!! click here http://free-prize.example/win",
    "hot singles near the {shore}, see http://meet-now.example",
    "best {fruit} deals online www.fruit-discount.example/{num} click here",
    "click here to win a trip across the {sea} http://lucky-winner.example",
)
# Mild classroom-safe insults; curation.BLOCKLIST lists the same words.
_RUDE = (
    "ur an idiot if u think the {sea_is} warm",
    "only a moron goes out on the {sea} in this {weather}",
    "what a loser, he can't even catch a fish in the {lake}",
    "stop talking nonsense you nitwit, the {ruler} never said that",
    "you absolute dimwit, {fruit} don't grow near the {sea}",
)


# Public views for the Data panel's "how this world is generated" box.
SLOTS = _SLOTS
TEMPLATES: dict[str, tuple[str, ...]] = {
    "encyclopedia": _ENCYCLOPEDIA, "stories": _STORIES, "news": _NEWS, "quiz": _QUIZ,
    "forum": _FORUM,
}
