<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>LookInsideStep</name>
    <message>
        <source>After block 1 its best guess is “{first}” ({first_p}); after block {n}, “{last}” ({last_p}).</source>
        <translation>Nach Block 1 ist seine beste Vermutung „{first}“ ({first_p}); nach Block {n} „{last}“ ({last_p}).</translation>
    </message>
    <message>
        <source>Sharp heads: {sharp} of {heads}; layer {layer}, head {head} {what}.</source>
        <translation>Scharfe Köpfe: {sharp} von {heads}; Schicht {layer}, Kopf {head} {what}.</translation>
    </message>
    <message>
        <source>Of its {total} numbers, {count} sit in its largest part: {part}.</source>
        <translation>Von seinen {total} Zahlen sitzen {count} in seinem größten Teil: {part}.</translation>
    </message>
    <message>
        <source>Of its {total} numbers, {count} sit in this part: {part}.</source>
        <translation type="vanished">Von seinen {total} Zahlen sitzen {count} in diesem Teil: {part}.</translation>
    </message>
    <message>
        <source>Reading the model&apos;s attention and its guesses after each block…</source>
        <translation>Die Aufmerksamkeit des Modells und seine Vermutungen nach jedem Block werden gelesen…</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Picture (*.png);;Drawing that stays sharp at any size (*.svg)</source>
        <translation>Bild (*.png);;Zeichnung, die in jeder Größe scharf bleibt (*.svg)</translation>
    </message>
    <message>
        <source>Full screen (presenter mode)</source>
        <translation>Vollbild (Vortragsmodus)</translation>
    </message>
    <message>
        <source>Fill the screen with the app; Esc or F11 brings the window back</source>
        <translation>Die App füllt den Bildschirm; Esc oder F11 holt das Fenster zurück</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <source>Make all text and plots larger (for the back of the room)</source>
        <translation>Alle Texte und Diagramme größer machen (für die hinteren Reihen)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Kleinere Schrift</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Normale Schriftgröße</translation>
    </message>
    <message>
        <source>Blank the screen</source>
        <translation>Bildschirm schwärzen</translation>
    </message>
    <message>
        <source>Black out the screen; any key or click brings it back</source>
        <translation>Den Bildschirm schwarz schalten; jede Taste oder jeder Klick holt ihn zurück</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>The tour&apos;s next step, or the next panel (PageDown, →, a clicker)</source>
        <translation>Der nächste Schritt der Führung oder die nächste Ansicht (Bild ab, →, ein Presenter)</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Blank the screen (B)</source>
        <translation>Bildschirm schwärzen (B)</translation>
    </message>
    <message>
        <source>Next step (→)</source>
        <translation>Nächster Schritt (→)</translation>
    </message>
    <message>
        <source>Previous step (←)</source>
        <translation>Vorheriger Schritt (←)</translation>
    </message>
    <message>
        <source>Start the guided tour</source>
        <translation>Führung starten</translation>
    </message>
    <message>
        <source>The whole story, step by step, from the beginning</source>
        <translation>Die ganze Geschichte, Schritt für Schritt, von Anfang an</translation>
    </message>
    <message>
        <source>Continue the tour where it was left</source>
        <translation>Führung dort fortsetzen, wo sie aufgehört hat</translation>
    </message>
    <message>
        <source>Auto-play the tour</source>
        <translation>Führung automatisch abspielen</translation>
    </message>
    <message>
        <source>End the tour</source>
        <translation>Führung beenden</translation>
    </message>
    <message>
        <source>Reset the demo</source>
        <translation>Demo zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the shipped models and the default data, in a moment</source>
        <translation>Zurück zu den ausgelieferten Modellen und den Standarddaten, in einem Augenblick</translation>
    </message>
    <message>
        <source>Export this view…</source>
        <translation>Diese Ansicht exportieren…</translation>
    </message>
    <message>
        <source>Save the panel on screen as a picture (PNG) or a drawing (SVG)</source>
        <translation>Die Ansicht auf dem Bildschirm als Bild (PNG) oder Zeichnung (SVG) speichern</translation>
    </message>
    <message>
        <source>Colours: follow the system</source>
        <translation>Farben: wie das System</translation>
    </message>
    <message>
        <source>Colours: always light</source>
        <translation>Farben: immer hell</translation>
    </message>
    <message>
        <source>Colours: always dark</source>
        <translation>Farben: immer dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Black on white (or white on black), the charts&apos; colours in stronger shades; &quot;Colours: follow the system&quot; follows the system&apos;s contrast setting too</source>
        <translation>Schwarz auf Weiß (oder Weiß auf Schwarz), die Farben der Diagramme in kräftigeren Tönen; „Farben: wie das System“ folgt auch der Kontrasteinstellung des Systems</translation>
    </message>
    <message>
        <source>There is no panel on screen to save.</source>
        <translation>Es ist keine Ansicht zum Speichern auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>Three Pillars: {panel}</source>
        <translation>Three Pillars: {panel}</translation>
    </message>
    <message>
        <source>Export this view</source>
        <translation>Diese Ansicht exportieren</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>Die Ansicht konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Saved the picture “{name}”.</source>
        <translation>Das Bild „{name}“ wurde gespeichert.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="vanished">Gespeichert: {path}</translation>
    </message>
</context>
<context>
    <name>StepRun</name>
    <message>
        <source>This demonstration stopped: {reason}</source>
        <translation>Diese Vorführung wurde abgebrochen: {reason}</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>This step&apos;s live demonstration is not in this version; the panel is shown.</source>
        <translation>Die Live-Vorführung dieses Schritts fehlt in dieser Version; die Ansicht wird gezeigt.</translation>
    </message>
    <message>
        <source>The end: “Reset the demo” begins again.</source>
        <translation>Ende: „Demo zurücksetzen“ beginnt von vorn.</translation>
    </message>
</context>
<context>
    <name>TourActions</name>
    <message>
        <source>Loading the text the app&apos;s model learned from…</source>
        <translation>Der Text, aus dem das Modell der App gelernt hat, wird geladen…</translation>
    </message>
    <message>
        <source>The word-piece tokenizer (BPE) cuts them as: {pieces}.</source>
        <translation>Der Wortstück-Tokenizer (BPE) zerlegt sie so: {pieces}.</translation>
    </message>
    <message>
        <source>Preparing the three tokenizers…</source>
        <translation>Die drei Tokenizer werden vorbereitet…</translation>
    </message>
    <message>
        <source>“{sentence}” makes {n} windows of {k} words; the orange word is the one the model must guess each time.</source>
        <translation type="vanished">„{sentence}“ ergibt {n} Fenster mit je {k} Wörtern; das orangefarbene Wort muss das Modell jedes Mal erraten.</translation>
    </message>
    <message>
        <source>“{sentence}” makes {n} windows of {k} words: in {guessed} of them the orange word after the window is the one the model must guess; the last ends the text, with nothing left to guess.</source>
        <translation>„{sentence}“ ergibt {n} Fenster zu {k} Wörtern: in {guessed} davon ist das orangefarbene Wort nach dem Fenster das, welches das Modell erraten muss; das letzte beendet den Text, danach ist nichts mehr zu raten.</translation>
    </message>
    <message>
        <source>Training stopped: its numbers blew up, and it went back to its last good state.</source>
        <translation>Das Training wurde angehalten: Seine Zahlen sind explodiert, und es ist zu seinem letzten guten Zustand zurückgekehrt.</translation>
    </message>
    <message>
        <source>A new model starts from random numbers…</source>
        <translation>Ein neues Modell beginnt mit Zufallszahlen…</translation>
    </message>
    <message>
        <source>Back to the model that came with the app…</source>
        <translation>Zurück zum Modell, das mit der App kam…</translation>
    </message>
    <message>
        <source>The model found no neighbours for “sea”.</source>
        <translation>Das Modell hat keine Nachbarn für „sea“ gefunden.</translation>
    </message>
    <message>
        <source>Nearest to “sea”, measured by cosine similarity: {words}.</source>
        <translation>Am nächsten an „sea“, gemessen mit der Kosinus-Ähnlichkeit: {words}.</translation>
    </message>
    <message>
        <source>Fine-tuned: “{answer}”</source>
        <translation>Feinabgestimmt: „{answer}“</translation>
    </message>
    <message>
        <source>Pre-trained, asked “{question}”: “{answer}”</source>
        <translation>Vortrainiert, gefragt „{question}“: „{answer}“</translation>
    </message>
    <message>
        <source>Asking “{question}”…</source>
        <translation>Frage: „{question}“…</translation>
    </message>
    <message>
        <source>Waiting for fine-tuning to finish…</source>
        <translation>Warten, bis die Feinabstimmung fertig ist…</translation>
    </message>
    <message>
        <source>Fine-tuning starts from the pre-trained model…</source>
        <translation>Die Feinabstimmung beginnt beim vortrainierten Modell…</translation>
    </message>
    <message>
        <source>A: “{a}”   B: “{b}”</source>
        <translation>A: „{a}“   B: „{b}“</translation>
    </message>
    <message>
        <source>The model writes two answers to “{question}”…</source>
        <translation>Das Modell schreibt zwei Antworten auf „{question}“…</translation>
    </message>
    <message>
        <source>the only one that stopped by itself</source>
        <translation>die einzige, die von selbst aufgehört hat</translation>
    </message>
    <message>
        <source>both or neither stopped by themselves, so A by default</source>
        <translation>beide oder keine haben von selbst aufgehört, also standardmäßig A</translation>
    </message>
    <message>
        <source>You picked the better answer yourself: the model learns from your click…</source>
        <translation>Sie haben die bessere Antwort selbst gewählt: Das Modell lernt aus Ihrem Klick…</translation>
    </message>
    <message>
        <source>The model did not write two answers this time.</source>
        <translation>Das Modell hat diesmal keine zwei Antworten geschrieben.</translation>
    </message>
    <message>
        <source>No one clicked, so the tour picks by a fixed rule: answer {name} ({rule}): “{answer}”. Learning…</source>
        <translation>Niemand hat geklickt, also wählt die Führung nach einer festen Regel: Antwort {name} ({rule}): „{answer}“. Lernt…</translation>
    </message>
    <message>
        <source>Click the better answer. If no one does within {seconds} s, the tour picks by a fixed rule: the answer that stopped by itself, else A.</source>
        <translation>Klicken Sie auf die bessere Antwort. Wenn niemand das innerhalb von {seconds} s tut, wählt die Führung nach einer festen Regel: die Antwort, die von selbst aufgehört hat, sonst A.</translation>
    </message>
    <message>
        <source>The one-sided judge has clicked {done} of {total} times, always for “{word}”.</source>
        <translation>Der einseitige Bewerter hat {done} von {total} Mal geklickt, immer für „{word}“.</translation>
    </message>
    <message>
        <source>Answers mentioning “{word}”: {before} before, {after} after the judge&apos;s {clicks} clicks, {learned} of which changed the model (at the others it saw no difference between the answers).</source>
        <translation>Antworten, die „{word}“ nennen: {before} vorher, {after} nach den {clicks} Klicks des Richters, von denen {learned} das Modell änderten (bei den übrigen sah er keinen Unterschied zwischen den Antworten).</translation>
    </message>
    <message>
        <source>Measured on {n} answers each time; each point of the chart is {m} answers, so it wanders more.</source>
        <translation>Jedes Mal an {n} Antworten gemessen; jeder Punkt des Diagramms sind {m} Antworten, daher schwankt es stärker.</translation>
    </message>
    <message>
        <source>Answers mentioning “{word}”: {before} before, {after} after {clicks} biased clicks.</source>
        <translation type="vanished">Antworten, die „{word}“ nennen: {before} vorher, {after} nach {clicks} voreingenommenen Klicks.</translation>
    </message>
    <message>
        <source>The judge finished.</source>
        <translation>Der Bewerter ist fertig.</translation>
    </message>
    <message>
        <source>The judge stopped.</source>
        <translation>Der Bewerter wurde angehalten.</translation>
    </message>
    <message>
        <source>Measuring the model before the judge starts…</source>
        <translation>Das Modell wird gemessen, bevor der Bewerter beginnt…</translation>
    </message>
    <message>
        <source>One question to the three stages side by side: pre-trained, fine-tuned and aligned ({answered} of {total} answered).</source>
        <translation>Eine Frage an die drei Stufen nebeneinander: vortrainiert, feinabgestimmt und ausgerichtet ({answered} von {total} haben geantwortet).</translation>
    </message>
</context>
<context>
    <name>TourCard</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>The step before (PageUp or ←)</source>
        <translation>Der Schritt davor (Bild auf oder ←)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>The next step (PageDown, → or a presentation clicker)</source>
        <translation>Der nächste Schritt (Bild ab, → oder ein Presenter)</translation>
    </message>
    <message>
        <source>End the tour</source>
        <translation>Führung beenden</translation>
    </message>
    <message>
        <source>End the tour (the app stays as it is)</source>
        <translation>Führung beenden (die App bleibt, wie sie ist)</translation>
    </message>
    <message>
        <source>▶▶ Auto</source>
        <translation>▶▶ Auto</translation>
    </message>
    <message>
        <source>Auto-play: each step&apos;s demonstration runs to its end, its result stays up for the chosen time, then the next step</source>
        <translation>Automatisch: Die Vorführung jedes Schritts läuft bis zum Ende, ihr Ergebnis bleibt die gewählte Zeit stehen, dann kommt der nächste Schritt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds each step stays up on auto-play</source>
        <translation>Sekunden, die jeder Schritt beim automatischen Abspielen stehen bleibt</translation>
    </message>
    <message>
        <source>How long each step&apos;s result stays up on auto-play, counted once its demonstration has finished</source>
        <translation>Wie lange das Ergebnis jedes Schritts beim automatischen Abspielen stehen bleibt, gezählt ab dem Ende seiner Vorführung</translation>
    </message>
    <message>
        <source>↺ Reset the demo</source>
        <translation>↺ Demo zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the shipped models and their data, as when the app opened (Ctrl+Shift+R)</source>
        <translation>Zurück zu den ausgelieferten Modellen und ihren Daten, wie beim Öffnen der App (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Done ✓</source>
        <translation>Fertig ✓</translation>
    </message>
    <message>
        <source>End the tour; the last result stays on screen</source>
        <translation>Führung beenden; das letzte Ergebnis bleibt auf dem Bildschirm</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pause</translation>
    </message>
    <message>
        <source>Guided tour</source>
        <translation>Führung</translation>
    </message>
</context>
<context>
    <name>TourScript</name>
    <message>
        <source>A model is what it reads</source>
        <translation>Ein Modell ist, was es liest</translation>
    </message>
    <message>
        <source>Everything this little model will ever know comes from the text we give it to read (the training data, or corpus). The app has two: a library of 18 real, public-domain books (sea stories, fairy tales, natural history, Shakespeare) and a small made-up world generated from templates, which the panel names as made up. We start with the text the app&apos;s own model learned from.</source>
        <translation>Alles, was dieses kleine Modell je wissen wird, stammt aus dem Text, den wir ihm zu lesen geben (den Trainingsdaten, dem Korpus). Die App hat zwei: eine Bibliothek aus 18 echten, gemeinfreien Büchern (Seegeschichten, Märchen, Naturkunde, Shakespeare) und eine kleine ausgedachte Welt aus Vorlagen, die die Ansicht auch als ausgedacht kennzeichnet. Wir beginnen mit dem Text, aus dem das Modell der App gelernt hat.</translation>
    </message>
    <message>
        <source>Cleaning before reading</source>
        <translation>Bereinigen vor dem Lesen</translation>
    </message>
    <message>
        <source>Raw text is never ready to read: these books come wrapped in licences, contents pages, headings and broken lines, and they use slurs of their time, so they are cleaned before any training (data curation). Each step shows what it threw away, crossed out, with the count beside it.</source>
        <translation>Roher Text ist nie lesefertig: Diese Bücher stecken in Lizenzen, Inhaltsverzeichnissen, Überschriften und umbrochenen Zeilen, und sie enthalten Schimpfwörter ihrer Zeit; deshalb werden sie vor jedem Training bereinigt (Datenkuratierung). Jeder Schritt zeigt durchgestrichen, was er aussortiert hat, mit der Anzahl daneben.</translation>
    </message>
    <message>
        <source>Cutting text into pieces</source>
        <translation>Text in Stücke schneiden</translation>
    </message>
    <message>
        <source>A model never sees letters or whole words: it reads pieces of words (tokens), each with a number (its token id). The pieces are learned from the text itself: frequent words stay whole, rarer ones are cut into pieces the tokenizer has seen often. Here is how ours really cuts “headache” and “stomachache”.</source>
        <translation>Ein Modell sieht nie Buchstaben oder ganze Wörter: Es liest Wortstücke (Tokens), jedes mit einer Nummer (seiner Token-ID). Die Stücke werden aus dem Text selbst gelernt: Häufige Wörter bleiben ganz, seltenere werden in Stücke zerlegt, die der Tokenizer oft gesehen hat. So zerlegt unserer wirklich die englischen Wörter „headache“ und „stomachache“.</translation>
    </message>
    <message>
        <source>A guessing game</source>
        <translation>Ein Ratespiel</translation>
    </message>
    <message>
        <source>Training is one simple game played millions of times: read a few pieces (a window), then guess the piece that comes next (next-token prediction). No one has to label anything, because the text itself holds every answer (self-supervised learning).</source>
        <translation>Training ist ein einfaches Spiel, millionenfach gespielt: ein paar Stücke lesen (ein Fenster) und dann das Stück erraten, das als Nächstes kommt (Vorhersage des nächsten Tokens). Niemand muss etwas beschriften, denn der Text selbst enthält jede Antwort (selbstüberwachtes Lernen).</translation>
    </message>
    <message>
        <source>Learning from nothing, for {seconds} seconds</source>
        <translation>{seconds} Sekunden Lernen aus dem Nichts</translation>
    </message>
    <message>
        <source>Now a brand-new model, with random numbers inside, plays that game for real on this laptop. Watch its mistakes (the loss) fall from pure guessing on the curve, and its guesses for the window grow more confident.</source>
        <translation>Jetzt spielt ein ganz neues Modell mit Zufallszahlen im Inneren dieses Spiel wirklich, auf diesem Laptop. Sehen Sie auf der Kurve, wie seine Fehler (der Verlust) vom reinen Raten an sinken und seine Vermutungen für das Fenster sicherer werden.</translation>
    </message>
    <message>
        <source>Words that keep company</source>
        <translation>Wörter, die zusammengehören</translation>
    </message>
    <message>
        <source>{seconds} seconds is only a start, so we switch back to the model that came with the app, which has read far more. Inside it, every word is a long list of numbers (an embedding), and on a flat map words the books use alike land close. Here are the measured nearest words of “sea”, whatever they turn out to be.</source>
        <translation>{seconds} Sekunden sind nur ein Anfang, also wechseln wir zurück zum Modell, das mit der App kam und viel mehr gelesen hat. In ihm ist jedes Wort eine lange Liste von Zahlen (eine Einbettung), und auf einer flachen Karte landen Wörter, die die Bücher ähnlich verwenden, nah beieinander. Hier sind die gemessenen nächsten Wörter zu „sea“ (Meer), was immer sie sein mögen.</translation>
    </message>
    <message>
        <source>Looking inside</source>
        <translation>Ein Blick ins Innere</translation>
    </message>
    <message>
        <source>Inside, the model reads in four layers (blocks); in each, small attention heads pick which earlier pieces to look at, drawn here as little squares. Reading its guess after every layer (the logit lens) shows the answer forming, and the map counts the million numbers (parameters) it is made of.</source>
        <translation>Im Inneren liest das Modell in vier Schichten (Blöcken); in jeder wählen kleine Aufmerksamkeitsköpfe, auf welche früheren Stücke sie schauen, hier als kleine Quadrate gezeichnet. Seine Vermutung nach jeder Schicht abzulesen (die Logit-Linse) zeigt, wie die Antwort entsteht, und die Karte zählt die Million Zahlen (Parameter), aus denen es besteht.</translation>
    </message>
    <message>
        <source>It continues, it does not answer</source>
        <translation>Es schreibt weiter, statt zu antworten</translation>
    </message>
    <message>
        <source>After all that reading, the model is a next-word machine (a pre-trained or base model). Ask it a question and see what it does: it learned to continue text, not to reply, so it may carry on or write another question. The checks under its answer are measured from what it wrote just now.</source>
        <translation>Nach all dem Lesen ist das Modell eine Nächstes-Wort-Maschine (ein vortrainiertes oder Basismodell). Stellen Sie ihm eine Frage und sehen Sie, was es tut: Es hat gelernt, Text fortzusetzen, nicht zu antworten, also schreibt es vielleicht einfach weiter oder eine weitere Frage. Die Prüfungen unter seiner Antwort werden aus dem gemessen, was es gerade geschrieben hat.</translation>
    </message>
    <message>
        <source>Teaching it to answer</source>
        <translation>Antworten beibringen</translation>
    </message>
    <message>
        <source>So we show it a few hundred questions, each paired with a good answer (supervised fine-tuning). Only the answers count in its lessons: the question is read but never learned (the prompt is masked).</source>
        <translation>Also zeigen wir ihm ein paar hundert Fragen, jede mit einer guten Antwort gepaart (überwachte Feinabstimmung). In seinen Lektionen zählen nur die Antworten: Die Frage wird gelesen, aber nie gelernt (der Prompt ist maskiert).</translation>
    </message>
    <message>
        <source>Now it replies</source>
        <translation>Jetzt antwortet es</translation>
    </message>
    <message>
        <source>The same question again, put to the model before and after those lessons, under the same rules. Under each answer: does it stop, ask nothing back, stay on topic, and is it correct (the reference answer&apos;s key words)? The table counts the same on questions about subjects it never trained on.</source>
        <translation>Noch einmal dieselbe Frage, an das Modell vor und nach diesen Lektionen, nach denselben Regeln. Unter jeder Antwort: Hört es auf, fragt es nicht zurück, bleibt es beim Thema, und ist sie richtig (die Schlüsselwörter der Referenzantwort)? Die Tabelle zählt dasselbe bei Fragen zu Themen, mit denen es nie trainiert hat.</translation>
    </message>
    <message>
        <source>Two answers, one choice</source>
        <translation>Zwei Antworten, eine Wahl</translation>
    </message>
    <message>
        <source>The last step learns from people (RLHF, reinforcement learning from human feedback). For one question the model writes two different answers, and a person picks the better one: click it now. If no one does, the tour picks by a fixed rule and says which.</source>
        <translation>Der letzte Schritt lernt von Menschen (RLHF, bestärkendes Lernen aus menschlicher Rückmeldung). Zu einer Frage schreibt das Modell zwei verschiedene Antworten, und ein Mensch wählt die bessere: Klicken Sie sie jetzt an. Wenn niemand klickt, wählt die Führung nach einer festen Regel und sagt, welche.</translation>
    </message>
    <message>
        <source>One click changes the model</source>
        <translation>Ein Klick verändert das Modell</translation>
    </message>
    <message>
        <source>That single choice updates the model on the spot (a preference update). The charts show whether it already agreed before learning, how much more it now favours the picked answer, how far it has moved from where it started, and what its answers cost in made-up words.</source>
        <translation>Diese eine Wahl aktualisiert das Modell auf der Stelle (eine Präferenz-Aktualisierung). Die Diagramme zeigen, ob es schon vor dem Lernen zustimmte, wie viel stärker es die gewählte Antwort jetzt bevorzugt, wie weit es sich vom Ausgangspunkt entfernt hat und was seine Antworten an erfundenen Wörtern kosten.</translation>
    </message>
    <message>
        <source>Whoever judges, shapes it</source>
        <translation>Wer bewertet, formt es</translation>
    </message>
    <message>
        <source>Feedback can push a model anywhere. A judge who always rewards answers that mention “{word}” soon makes a model that mentions it more often: a biased judge makes a biased model. Watch the quality chart beside it: what the bias costs.</source>
        <translation>Rückmeldung kann ein Modell überallhin schieben. Ein Bewerter, der immer Antworten belohnt, die „{word}“ nennen, macht bald ein Modell, das es öfter nennt: Ein voreingenommener Bewerter macht ein voreingenommenes Modell. Achten Sie auf das Qualitätsdiagramm daneben: was die Voreingenommenheit kostet.</translation>
    </message>
    <message>
        <source>Three pillars</source>
        <translation>Drei Säulen</translation>
    </message>
    <message>
        <source>Reading gave it words, worked examples taught it to answer, and people&apos;s choices shaped how it answers: pre-training, fine-tuning and feedback. “Reset the demo” puts everything back the way it started.</source>
        <translation>Lesen gab ihm Wörter, Musterbeispiele brachten ihm das Antworten bei, und die Wahl von Menschen formte, wie es antwortet: Vortraining, Feinabstimmung und Rückmeldung. „Demo zurücksetzen“ stellt alles wieder auf den Anfang.</translation>
    </message>
</context>
<context>
    <name>TourWords</name>
    <message>
        <source>“{word}”</source>
        <translation>„{word}“</translation>
    </message>
    <message>
        <source>The text the app&apos;s model learned from is loaded, real books: {documents} documents, {words} words, {tokens} tokens.</source>
        <translation>Der Text, aus dem das Modell der App gelernt hat, ist geladen, echte Bücher: {documents} Dokumente, {words} Wörter, {tokens} Tokens.</translation>
    </message>
    <message>
        <source>The text the app&apos;s model learned from is loaded, the made-up world (generated from templates): {documents} documents, {words} words, {tokens} tokens.</source>
        <translation>Der Text, aus dem das Modell der App gelernt hat, ist geladen, die ausgedachte Welt (aus Vorlagen erzeugt): {documents} Dokumente, {words} Wörter, {tokens} Tokens.</translation>
    </message>
    <message>
        <source>Training: {seconds} s to go</source>
        <translation>Training: noch {seconds} s</translation>
    </message>
    <message>
        <source>Training: {seconds} s to go · mistakes (loss) {loss} · {rate} tokens a second</source>
        <translation>Training: noch {seconds} s · Fehler (Verlust) {loss} · {rate} Tokens pro Sekunde</translation>
    </message>
    <message>
        <source>Paused after {seconds} s.</source>
        <translation>Nach {seconds} s angehalten.</translation>
    </message>
    <message>
        <source>Paused after {seconds} s. It read {tokens} tokens; its mistakes (loss) went from {first} to {last}.</source>
        <translation>Nach {seconds} s angehalten. Es hat {tokens} Tokens gelesen; seine Fehler (Verlust) gingen von {first} auf {last}.</translation>
    </message>
    <message>
        <source>Fine-tuning: lesson {step} of {total} · mistakes on answers (loss) {loss}</source>
        <translation>Feinabstimmung: Lektion {step} von {total} · Fehler bei Antworten (Verlust) {loss}</translation>
    </message>
    <message>
        <source>Fine-tuning: lesson {step} · mistakes on answers (loss) {loss}</source>
        <translation>Feinabstimmung: Lektion {step} · Fehler bei Antworten (Verlust) {loss}</translation>
    </message>
    <message>
        <source>Fine-tuning finished.</source>
        <translation>Feinabstimmung abgeschlossen.</translation>
    </message>
    <message>
        <source>Fine-tuning stopped.</source>
        <translation>Feinabstimmung angehalten.</translation>
    </message>
    <message>
        <source>Fine-tuning stopped: its numbers blew up.</source>
        <translation>Feinabstimmung angehalten: Ihre Zahlen sind explodiert.</translation>
    </message>
    <message>
        <source>Fine-tuning ended.</source>
        <translation>Feinabstimmung beendet.</translation>
    </message>
    <message>
        <source>Its mistakes on answers (loss) ended at {loss}.</source>
        <translation>Seine Fehler bei Antworten (Verlust) endeten bei {loss}.</translation>
    </message>
    <message>
        <source>On the answers to questions it never trained on, its loss went from {first} to {last}: better at answers it never saw, too.</source>
        <translation>Bei den Antworten auf Fragen, mit denen es nie trainiert hat, ging sein Verlust von {first} auf {last}: auch besser bei Antworten, die es nie gesehen hat.</translation>
    </message>
    <message>
        <source>On the answers to questions it never trained on, its loss went from {first} up to {last}: it learned these pairs by heart more than how to answer new questions (overfitting).</source>
        <translation>Bei den Antworten auf Fragen, mit denen es nie trainiert hat, stieg sein Verlust von {first} auf {last}: es hat diese Paare eher auswendig gelernt als das Beantworten neuer Fragen (Überanpassung).</translation>
    </message>
    <message>
        <source>Learned from your click: it now prefers the chosen answer by a margin of {margin}, and it moved {kl} away from where it started (KL).</source>
        <translation>Aus Ihrem Klick gelernt: Es bevorzugt die gewählte Antwort jetzt mit einem Abstand von {margin} und hat sich {kl} von seinem Ausgangspunkt entfernt (KL).</translation>
    </message>
    <message>
        <source>Learned from the tour&apos;s pick: it now prefers the chosen answer by a margin of {margin}, and it moved {kl} away from where it started (KL).</source>
        <translation>Aus der Wahl der Führung gelernt: Es bevorzugt die gewählte Antwort jetzt mit einem Abstand von {margin} und hat sich {kl} von seinem Ausgangspunkt entfernt (KL).</translation>
    </message>
    <message>
        <source>Learned from your click: the model changed.</source>
        <translation>Aus Ihrem Klick gelernt: Das Modell hat sich verändert.</translation>
    </message>
    <message>
        <source>Learned from the tour&apos;s pick: the model changed.</source>
        <translation>Aus der Wahl der Führung gelernt: Das Modell hat sich verändert.</translation>
    </message>
    <message>
        <source>Cleaning left {kept} documents: it dropped {dropped} whole, and its other steps cut smaller pieces out of the text (line ends, licences, headings, markers).</source>
        <translation>Nach der Bereinigung bleiben {kept} Dokumente: Sie hat {dropped} ganz verworfen, und ihre übrigen Schritte haben kleinere Stücke aus dem Text geschnitten (Zeilenenden, Lizenzen, Überschriften, Markierungen).</translation>
    </message>
    <message>
        <source>Cleaning left {kept} documents: it dropped {dropped}.</source>
        <translation>Nach der Bereinigung bleiben {kept} Dokumente: Sie hat {dropped} verworfen.</translation>
    </message>
    <message>
        <source>Cleaning left {kept} documents: it dropped no whole text, only cut smaller pieces out of the text (line ends, licences, headings, markers).</source>
        <translation>Nach der Bereinigung bleiben {kept} Dokumente: Sie hat keinen Text ganz verworfen, nur kleinere Stücke aus dem Text geschnitten (Zeilenenden, Lizenzen, Überschriften, Markierungen).</translation>
    </message>
    <message>
        <source>The cleaning removed nothing from this mix.</source>
        <translation>Die Bereinigung hat aus dieser Mischung nichts entfernt.</translation>
    </message>
    <message>
        <source>The biggest cut, “{name}”, dropped {removed} (of {before}).</source>
        <translation>Der größte Schnitt, „{name}“, verwarf {removed} (von {before}).</translation>
    </message>
</context>
</TS>
