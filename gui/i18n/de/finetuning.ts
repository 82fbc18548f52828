<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>EngineWords</name>
    <message>
        <source>pre-trained</source>
        <translation>vortrainiert</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>feinabgestimmt</translation>
    </message>
    <message>
        <source>aligned</source>
        <translation>ausgerichtet</translation>
    </message>
    <message>
        <source>kept from this session</source>
        <translation>aus dieser Sitzung aufbewahrt</translation>
    </message>
    <message>
        <source>this session&apos;s model</source>
        <translation>das Modell dieser Sitzung</translation>
    </message>
    <message>
        <source>shipped with the app</source>
        <translation>mit der App ausgeliefert</translation>
    </message>
    <message>
        <source>the reference the judgements start from</source>
        <translation>die Referenz, von der die Urteile ausgehen</translation>
    </message>
    <message>
        <source>There is no fine-tuned model yet: fine-tune the pre-trained one.</source>
        <translation>Es gibt noch kein feinabgestimmtes Modell: Stimmen Sie zuerst das vortrainierte fein ab.</translation>
    </message>
    <message>
        <source>There is no pre-trained model in this session: pre-train one first.</source>
        <translation>In dieser Sitzung gibt es kein vortrainiertes Modell: Trainieren Sie zuerst eines vor.</translation>
    </message>
    <message>
        <source>There is no model yet: train one first.</source>
        <translation>Es gibt noch kein Modell: Trainieren Sie zuerst eines.</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Geben Sie zuerst eine Frage ein.</translation>
    </message>
    <message>
        <source>Fine-tuning stopped: the loss stopped being a number (it blew up to infinity or NaN), usually because the learning rate is too high. The model was rolled back to its last good weights.</source>
        <translation>Die Feinabstimmung wurde angehalten: Der Verlust war keine Zahl mehr (er ist auf unendlich oder NaN explodiert), meist weil die Lernrate zu hoch ist. Das Modell wurde auf seine letzten guten Gewichte zurückgesetzt.</translation>
    </message>
    <message>
        <source>Training stopped: the loss stopped being a number (it blew up to infinity or NaN), usually because the learning rate is too high. The model was rolled back to its last good weights; lower the learning rate and continue.</source>
        <translation>Das Training wurde angehalten: Der Verlust war keine Zahl mehr (er ist auf unendlich oder NaN explodiert), meist weil die Lernrate zu hoch ist. Das Modell wurde auf seine letzten guten Gewichte zurückgesetzt; senken Sie die Lernrate und machen Sie weiter.</translation>
    </message>
    <message numerus="yes">
        <source>this session: %n judgement(s)</source>
        <translation>
            <numerusform>diese Sitzung: %n Urteil</numerusform>
            <numerusform>diese Sitzung: %n Urteile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>shipped: %n click(s) of an automatic judge ({judge})</source>
        <translation>
            <numerusform>ausgeliefert: %n Klick eines automatischen Bewerters ({judge})</numerusform>
            <numerusform>ausgeliefert: %n Klicks eines automatischen Bewerters ({judge})</numerusform>
        </translation>
    </message>
    <message>
        <source>Update undone: {reason}.</source>
        <translation>Aktualisierung rückgängig gemacht: {reason}.</translation>
    </message>
    <message>
        <source>There is no {stage} model in this session.</source>
        <translation>In dieser Sitzung gibt es kein Modell der Stufe „{stage}“.</translation>
    </message>
</context>
<context>
    <name>FinetuneChecks</name>
    <message>
        <source>Stops by itself (writes &lt;end&gt;)</source>
        <translation>Hört selbst auf (schreibt &lt;end&gt;)</translation>
    </message>
    <message>
        <source>Asks nothing back (no “?”)</source>
        <translation>Fragt nicht zurück (kein „?“)</translation>
    </message>
    <message>
        <source>Stays on topic (shares a word)</source>
        <translation>Bleibt beim Thema (gemeinsames Wort)</translation>
    </message>
    <message>
        <source>Correct (has the reference&apos;s key words)</source>
        <translation>Richtig (Schlüsselwörter der Referenz)</translation>
    </message>
    <message>
        <source>Made-up words (not in the training text)</source>
        <translation>Erfundene Wörter (nicht im Trainingstext)</translation>
    </message>
    <message>
        <source>The model wrote the &lt;end&gt; token by itself before the token limit.</source>
        <translation>Das Modell hat das Token &lt;end&gt; von selbst geschrieben, bevor die Token-Grenze erreicht war.</translation>
    </message>
    <message>
        <source>There is no question mark in what it wrote.</source>
        <translation>In dem, was es geschrieben hat, steht kein Fragezeichen.</translation>
    </message>
    <message>
        <source>It shares a content word with the question, or a word of the same word group.</source>
        <translation>Es teilt ein Inhaltswort mit der Frage oder ein Wort aus derselben Wortgruppe.</translation>
    </message>
    <message>
        <source>Its first sentence has at least half (rounded up) of the reference answer&apos;s key words: the content words of the reference that the question does not already contain (plurals folded). A check on words, not on meaning.</source>
        <translation>Sein erster Satz enthält mindestens die Hälfte (aufgerundet) der Schlüsselwörter der Referenzantwort: der Inhaltswörter der Referenz, die nicht schon in der Frage stehen (Mehrzahl zusammengefasst). Eine Prüfung von Wörtern, nicht von Bedeutung.</translation>
    </message>
    <message>
        <source>Words it wrote that occur nowhere in the training text (the books and the training pairs), out of all the words it wrote.</source>
        <translation>Wörter, die es geschrieben hat und die nirgends im Trainingstext vorkommen (den Büchern und den Trainingspaaren), von allen Wörtern, die es geschrieben hat.</translation>
    </message>
    <message>
        <source>{count} of {total}  ({share})</source>
        <translation>{count} von {total}  ({share})</translation>
    </message>
    <message>
        <source>{count} of {total} words  ({share})</source>
        <translation>{count} von {total} Wörtern  ({share})</translation>
    </message>
</context>
<context>
    <name>FinetuneCurve</name>
    <message>
        <source>fine-tuning steps</source>
        <translation>Schritte der Feinabstimmung</translation>
    </message>
    <message>
        <source>on the training pairs</source>
        <translation>auf den Trainingspaaren</translation>
    </message>
    <message>
        <source>on the test pairs (held-out)</source>
        <translation>auf den Testpaaren (zurückgehalten)</translation>
    </message>
    <message>
        <source>Fine-tuning loss chart</source>
        <translation>Verlustdiagramm der Feinabstimmung</translation>
    </message>
</context>
<context>
    <name>FinetunePanel</name>
    <message>
        <source>Fine-tune: teaching it to answer</source>
        <translation>Feinabstimmung: Das Modell lernt zu antworten</translation>
    </message>
    <message>
        <source>The pre-trained model only carries text on. Here it studies questions paired with good answers (supervised fine-tuning, SFT): it learns to reply, then to stop.</source>
        <translation>Das vortrainierte Modell schreibt Text nur weiter. Hier lernt es an Fragen, die mit guten Antworten gepaart sind (überwachte Feinabstimmung, SFT): Es lernt zu antworten und dann aufzuhören.</translation>
    </message>
    <message>
        <source>Fine-tune the pre-trained model</source>
        <translation>Feinabstimmung starten</translation>
    </message>
    <message>
        <source>Start again from the pre-trained model and teach it the question/answer pairs</source>
        <translation>Neu beim vortrainierten Modell beginnen und ihm die Frage-Antwort-Paare beibringen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop fine-tuning now; the model keeps what it learned so far</source>
        <translation>Die Feinabstimmung jetzt anhalten; das Modell behält, was es bisher gelernt hat</translation>
    </message>
    <message>
        <source>Learn the questions too</source>
        <translation>Auch die Fragen lernen</translation>
    </message>
    <message>
        <source>Normally only the answer counts in the loss and the question is masked out. Tick this to count the question too (train on prompt) and see the difference.</source>
        <translation>Normalerweise zählt nur die Antwort im Verlust, die Frage wird ausgeblendet (maskiert). Ankreuzen, damit auch die Frage zählt (Training auf dem Prompt), und den Unterschied sehen.</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>How many small learning steps (16 pairs each)</source>
        <translation>Wie viele kleine Lernschritte (je 16 Paare)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ask both models:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beide Modelle fragen:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Question for both models</source>
        <translation>Frage an beide Modelle</translation>
    </message>
    <message>
        <source>Pick a test question or type your own</source>
        <translation>Eine Testfrage wählen oder eine eigene eingeben</translation>
    </message>
    <message>
        <source>The questions listed were never used in fine-tuning (held-out)</source>
        <translation>Die aufgeführten Fragen wurden nie in der Feinabstimmung verwendet (zurückgehalten)</translation>
    </message>
    <message>
        <source>Ask both</source>
        <translation>Beide fragen</translation>
    </message>
    <message>
        <source>Pick words by chance</source>
        <translation>Zufällige Wörter</translation>
    </message>
    <message>
        <source>Off: each model always takes its most likely next token (greedy), so the same question gets the same reply. On: it draws tokens by chance (sampling, temperature 0.7).</source>
        <translation>Aus: Jedes Modell nimmt immer sein wahrscheinlichstes nächstes Token (greedy), dieselbe Frage bekommt also dieselbe Antwort. An: Es zieht die Tokens zufällig (Stichprobe, Temperatur 0,7).</translation>
    </message>
    <message>
        <source>Chat markers for both</source>
        <translation>Chat-Marker für beide</translation>
    </message>
    <message>
        <source>On (the fair test, as in the table below): both models get the question inside the chat markers &lt;user&gt; … &lt;assistant&gt;. Off: the pre-trained model gets the bare question, the way a next-word machine is asked. Either way both use the same settings and both stop when they write &lt;end&gt;.</source>
        <translation>An (der faire Test, wie in der Tabelle unten): Beide Modelle bekommen die Frage zwischen den Chat-Markern &lt;user&gt; … &lt;assistant&gt;. Aus: Das vortrainierte Modell bekommt die nackte Frage, so wie man eine Nächstes-Wort-Maschine fragt. In beiden Fällen gelten für beide dieselben Einstellungen, und beide hören auf, wenn sie &lt;end&gt; schreiben.</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Vorher / nachher</translation>
    </message>
    <message>
        <source>The examples (Q&amp;&amp;A pairs)</source>
        <translation>Die Beispiele (F&amp;&amp;A-Paare)</translation>
    </message>
    <message>
        <source>What is learned (masks)</source>
        <translation>Was gelernt wird (Masken)</translation>
    </message>
    <message>
        <source>Learning curve (loss)</source>
        <translation>Lernkurve (Verlust)</translation>
    </message>
    <message>
        <source>Before/after</source>
        <translation>Vorher/nachher</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masken</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>Verlustkurve</translation>
    </message>
    <message>
        <source>Views of fine-tuning</source>
        <translation>Ansichten der Feinabstimmung</translation>
    </message>
    <message>
        <source>Press “Ask both” to put the question to this model.</source>
        <translation>„Beide fragen“ drücken, um diesem Modell die Frage zu stellen.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt…</translation>
    </message>
    <message>
        <source>Measuring both models on the test questions…</source>
        <translation>Beide Modelle werden an den Testfragen gemessen…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Fine-tuning could not start (see the message above).</source>
        <translation>Die Feinabstimmung konnte nicht starten (siehe die Meldung oben).</translation>
    </message>
    <message>
        <source>step {step} of {total}</source>
        <translation>Schritt {step} von {total}</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>Schritt {step}</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>{state}: {steps} · {seconds} s · test loss {loss}</source>
        <translation>{state}: {steps} · {seconds} s · Testverlust {loss}</translation>
    </message>
</context>
<context>
    <name>MaskTab</name>
    <message>
        <source>Pick a pair in “The examples” to see its tokens.</source>
        <translation>Ein Paar unter „Die Beispiele“ wählen, um seine Tokens zu sehen.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:{grey}; color:black&apos;&gt;&amp;nbsp;grey&amp;nbsp;&lt;/span&gt; read but not learned (masked out of the loss: label −100) &amp;nbsp;&amp;nbsp; &lt;span style=&apos;background:{green}; color:white&apos;&gt;&amp;nbsp;green&amp;nbsp;&lt;/span&gt; learned: the model is scored on guessing these (in the loss)</source>
        <translation>&lt;span style=&apos;background:{grey}; color:black&apos;&gt;&amp;nbsp;grau&amp;nbsp;&lt;/span&gt; gelesen, aber nicht gelernt (aus dem Verlust ausgeblendet: Label −100) &amp;nbsp;&amp;nbsp; &lt;span style=&apos;background:{green}; color:white&apos;&gt;&amp;nbsp;grün&amp;nbsp;&lt;/span&gt; gelernt: Das Modell wird danach bewertet, wie gut es diese errät (im Verlust)</translation>
    </message>
    <message>
        <source>Now the question counts too (train on prompt): every token is learned.</source>
        <translation>Jetzt zählt auch die Frage (Training auf dem Prompt): Jedes Token wird gelernt.</translation>
    </message>
    <message>
        <source>The question is only read: its tokens are masked out, so the model is never taught to write questions. The answer and the end mark are learned.</source>
        <translation>Die Frage wird nur gelesen: Ihre Tokens sind ausgeblendet (maskiert), also lernt das Modell nie, Fragen zu schreiben. Gelernt werden die Antwort und das Endezeichen.</translation>
    </message>
    <message numerus="yes">
        <source>“{question}” becomes %n token(s) in the chat format; {learned} of them count in the loss. {how}</source>
        <translation>
            <numerusform>„{question}“ wird im Chat-Format zu %n Token; {learned} davon zählen im Verlust. {how}</numerusform>
            <numerusform>„{question}“ wird im Chat-Format zu %n Tokens; {learned} davon zählen im Verlust. {how}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{value}%</source>
        <translation>{value} %</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>A question and its answer</source>
        <translation>Eine Frage und ihre Antwort</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <source>Answer it should give:</source>
        <translation>Antwort, die es geben soll:</translation>
    </message>
    <message>
        <source>Keep it for testing only (held-out: never trained on)</source>
        <translation>Nur zum Testen behalten (zurückgehalten: nie damit trainiert)</translation>
    </message>
</context>
<context>
    <name>PairMessages</name>
    <message>
        <source>Use one of: a .tsv/.txt file with one pair per line, question&lt;TAB&gt;answer (an optional third column &apos;held-out&apos; keeps that question out of training, an optional fourth names its subject); &apos;Q: question&apos; and &apos;A: answer&apos; lines, a blank line between pairs; or a .jsonl file with one {&quot;question&quot;: ..., &quot;answer&quot;: ...} per line.</source>
        <translation>Möglich sind: eine .tsv/.txt-Datei mit einem Paar pro Zeile, Frage&lt;TAB&gt;Antwort (eine optionale dritte Spalte &apos;held-out&apos; hält diese Frage aus dem Training heraus, eine optionale vierte nennt ihr Thema); Zeilen &apos;Q: Frage&apos; und &apos;A: Antwort&apos; mit einer Leerzeile zwischen den Paaren; oder eine .jsonl-Datei mit einem {&quot;question&quot;: ..., &quot;answer&quot;: ...} pro Zeile.</translation>
    </message>
    <message>
        <source>The question is empty: write a question.</source>
        <translation>Die Frage ist leer: Schreiben Sie eine Frage.</translation>
    </message>
    <message>
        <source>The answer is empty: write the answer the model should give.</source>
        <translation>Die Antwort ist leer: Schreiben Sie die Antwort, die das Modell geben soll.</translation>
    </message>
    <message>
        <source>The question is {n} characters long; keep it under {limit} (the model reads only about 60 tokens at a time).</source>
        <translation>Die Frage ist {n} Zeichen lang; bleiben Sie unter {limit} (das Modell liest nur etwa 60 Tokens auf einmal).</translation>
    </message>
    <message>
        <source>The answer is {n} characters long; keep it under {limit} (the model reads only about 60 tokens at a time).</source>
        <translation>Die Antwort ist {n} Zeichen lang; bleiben Sie unter {limit} (das Modell liest nur etwa 60 Tokens auf einmal).</translation>
    </message>
    <message>
        <source>The question contains {marker}, a marker the chat format reserves for itself. Remove it.</source>
        <translation>Die Frage enthält {marker}, einen Marker, den das Chat-Format für sich reserviert. Entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The answer contains {marker}, a marker the chat format reserves for itself. Remove it.</source>
        <translation>Die Antwort enthält {marker}, einen Marker, den das Chat-Format für sich reserviert. Entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The question &quot;{question}&quot; is there twice ({first} and {second}); every question must be different.</source>
        <translation>Die Frage „{question}“ kommt zweimal vor ({first} und {second}); jede Frage muss anders sein.</translation>
    </message>
    <message>
        <source>There is no pair number {n} (there are {total}).</source>
        <translation>Es gibt kein Paar Nummer {n} (es gibt {total}).</translation>
    </message>
    <message>
        <source>This is the last training pair; the model needs at least one.</source>
        <translation>Das ist das letzte Trainingspaar; das Modell braucht mindestens eines.</translation>
    </message>
    <message>
        <source>{file}: there is no such file.</source>
        <translation>{file}: Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>{file} is a folder; choose a question/answer file.</source>
        <translation>{file} ist ein Ordner; wählen Sie eine Frage-Antwort-Datei.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; a question/answer file should be under {limit} MB.</source>
        <translation>{file} ist {size} MB groß; eine Frage-Antwort-Datei sollte unter {limit} MB bleiben.</translation>
    </message>
    <message>
        <source>{file} is not a text file (it looks binary, like a picture or a program).</source>
        <translation>{file} ist keine Textdatei (sie sieht binär aus, wie ein Bild oder ein Programm).</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (line {line} has bytes that are not UTF-8). Save it as UTF-8 and try again.</source>
        <translation>{file} ist kein UTF-8-Text (Zeile {line} enthält Bytes, die kein UTF-8 sind). Speichern Sie sie als UTF-8 und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>{file} is empty: it has no questions in it.</source>
        <translation>{file} ist leer: Es stehen keine Fragen darin.</translation>
    </message>
    <message>
        <source>{file} has no question/answer pairs in it. {help}</source>
        <translation>{file} enthält keine Frage-Antwort-Paare. {help}</translation>
    </message>
    <message>
        <source>{file} marks every question as held-out; the model needs some to train on.</source>
        <translation>{file} markiert jede Frage als zurückgehalten; das Modell braucht einige zum Trainieren.</translation>
    </message>
    <message>
        <source>{file}, line {line}: the third column must be &apos;held-out&apos; or &apos;train&apos;, got {value}.</source>
        <translation>{file}, Zeile {line}: Die dritte Spalte muss &apos;held-out&apos; oder &apos;train&apos; sein, steht aber {value} darin.</translation>
    </message>
    <message>
        <source>{file}, line {line}: expected a question, a TAB and an answer, but there is no TAB: {text}. {help}</source>
        <translation>{file}, Zeile {line}: Erwartet wurden eine Frage, ein TAB und eine Antwort, aber es gibt kein TAB: {text}. {help}</translation>
    </message>
    <message>
        <source>{file}, line {line}: too many TABs (at most 4 columns).</source>
        <translation>{file}, Zeile {line}: zu viele TABs (höchstens 4 Spalten).</translation>
    </message>
    <message>
        <source>{file}, line {line}: this question has no &apos;A:&apos; answer.</source>
        <translation>{file}, Zeile {line}: Diese Frage hat keine &apos;A:&apos;-Antwort.</translation>
    </message>
    <message>
        <source>{file}, line {line}: an answer with no &apos;Q:&apos; question before it.</source>
        <translation>{file}, Zeile {line}: eine Antwort ohne &apos;Q:&apos;-Frage davor.</translation>
    </message>
    <message>
        <source>{file}, line {line}: every line must start with &apos;Q:&apos; or &apos;A:&apos;, got {text}.</source>
        <translation>{file}, Zeile {line}: Jede Zeile muss mit &apos;Q:&apos; oder &apos;A:&apos; beginnen, gefunden: {text}.</translation>
    </message>
    <message>
        <source>{file}, line {line}: not valid JSON ({reason}).</source>
        <translation>{file}, Zeile {line}: kein gültiges JSON ({reason}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: not usable JSON ({reason}).</source>
        <translation>{file}, Zeile {line}: kein verwendbares JSON ({reason}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: each line must be an object with &quot;question&quot; and &quot;answer&quot; texts.</source>
        <translation>{file}, Zeile {line}: Jede Zeile muss ein Objekt mit den Texten &quot;question&quot; und &quot;answer&quot; sein.</translation>
    </message>
    <message>
        <source>{file}, line {line}: &quot;heldout&quot; must be true or false.</source>
        <translation>{file}, Zeile {line}: &quot;heldout&quot; muss true oder false sein.</translation>
    </message>
    <message>
        <source>{file}, line {line}: &quot;subject&quot; must be a text.</source>
        <translation>{file}, Zeile {line}: &quot;subject&quot; muss ein Text sein.</translation>
    </message>
    <message>
        <source>{file}, line {line}: this question is already on line {other}; every question must be different.</source>
        <translation>{file}, Zeile {line}: Diese Frage steht schon in Zeile {other}; jede Frage muss anders sein.</translation>
    </message>
    <message>
        <source>This computer does not allow reading &quot;{file}&quot; (permission denied). Copy it somewhere you own, or ask for access.</source>
        <translation>Dieser Computer erlaubt nicht, „{file}“ zu lesen (Zugriff verweigert). Kopieren Sie die Datei an einen eigenen Ort oder bitten Sie um Zugriff.</translation>
    </message>
    <message>
        <source>&quot;{file}&quot; is too large (over {size} MB).</source>
        <translation>„{file}“ ist zu groß (über {size} MB).</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file}, Zeile {line}: {reason}</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>zurückgehalten</translation>
    </message>
</context>
<context>
    <name>PairsTab</name>
    <message>
        <source>Question/answer files (*.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation>Frage-Antwort-Dateien (*.tsv *.txt *.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Answer it should give</source>
        <translation>Antwort, die es geben soll</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
    <message>
        <source>Question and answer pairs</source>
        <translation>Frage-Antwort-Paare</translation>
    </message>
    <message>
        <source>F2 changes the selected cell</source>
        <translation>F2 ändert die gewählte Zelle</translation>
    </message>
    <message>
        <source>Double-click a question or an answer to change it</source>
        <translation>Doppelklick auf eine Frage oder Antwort, um sie zu ändern</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Load a file…</source>
        <translation>Datei laden…</translation>
    </message>
    <message>
        <source>Your own pairs: question&lt;TAB&gt;answer lines, Q:/A: lines, or JSON lines</source>
        <translation>Eigene Paare: Zeilen Frage&lt;TAB&gt;Antwort, Q:/A:-Zeilen oder JSON-Zeilen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Back to the bundled pairs</source>
        <translation>Mitgelieferte Paare</translation>
    </message>
    <message>
        <source>testing (held-out)</source>
        <translation>Testen (zurückgehalten)</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>Lernen</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to learn from and {heldout} kept for testing (held-out), from “{name}”. Double-click a cell to change it.</source>
        <translation>
            <numerusform>%n Paar zum Lernen und {heldout} zum Testen zurückgehalten, aus „{name}“. Doppelklick auf eine Zelle, um sie zu ändern.</numerusform>
            <numerusform>%n Paare zum Lernen und {heldout} zum Testen zurückgehalten, aus „{name}“. Doppelklick auf eine Zelle, um sie zu ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>This change cannot be made</source>
        <translation>Diese Änderung ist nicht möglich</translation>
    </message>
    <message>
        <source>This pair cannot be added</source>
        <translation>Dieses Paar kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Nothing is selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Click a pair in the table first, then Remove.</source>
        <translation>Erst ein Paar in der Tabelle anklicken, dann „Entfernen“.</translation>
    </message>
    <message>
        <source>This pair cannot be removed</source>
        <translation>Dieses Paar kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>This file cannot be used</source>
        <translation>Diese Datei ist nicht verwendbar</translation>
    </message>
    <message>
        <source>This file cannot be read</source>
        <translation>Diese Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Load questions and answers</source>
        <translation>Fragen und Antworten laden</translation>
    </message>
    <message>
        <source>Save questions and answers</source>
        <translation>Fragen und Antworten speichern</translation>
    </message>
    <message>
        <source>The pairs could not be saved</source>
        <translation>Die Paare konnten nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>RatesTab</name>
    <message>
        <source>Measuring both models on the test questions…</source>
        <translation>Beide Modelle werden an den Testfragen gemessen…</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>Neu messen</translation>
    </message>
    <message>
        <source>Ask both models every held-out question and count the answers</source>
        <translation>Beiden Modellen jede zurückgehaltene Frage stellen und die Antworten zählen</translation>
    </message>
    <message>
        <source>Before (pre-trained)</source>
        <translation>Vorher (vortrainiert)</translation>
    </message>
    <message>
        <source>After (fine-tuned)</source>
        <translation>Nachher (feinabgestimmt)</translation>
    </message>
    <message>
        <source>Checks passed before and after fine-tuning</source>
        <translation>Bestandene Prüfungen vor und nach der Feinabstimmung</translation>
    </message>
    <message>
        <source>Each row is one rule, checked on every answer to a held-out question. The first three are about the shape of an answer; &apos;correct&apos; compares it with the reference answer&apos;s key words; made-up words are words found nowhere in the training text.</source>
        <translation>Jede Zeile ist eine Regel, geprüft an jeder Antwort auf eine zurückgehaltene Frage. Die ersten drei betreffen die Form einer Antwort; „richtig“ vergleicht sie mit den Schlüsselwörtern der Referenzantwort; erfundene Wörter sind Wörter, die nirgends im Trainingstext vorkommen.</translation>
    </message>
    <message>
        <source>Press “Measure again” to test both models on the held-out questions.</source>
        <translation>„Neu messen“ drücken, um beide Modelle an den zurückgehaltenen Fragen zu testen.</translation>
    </message>
    <message>
        <source>no model yet</source>
        <translation>noch kein Modell</translation>
    </message>
    <message numerus="yes">
        <source>%n test question(s) about subjects never used for training (held-out: {subjects}); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</source>
        <translation>
            <numerusform>%n Testfrage zu Themen, die nie im Training vorkamen (zurückgehalten: {subjects}); beide Modelle gleich gefragt: im Chat-Format, jedes Mal das wahrscheinlichste Token, beide hören bei &lt;end&gt; auf.</numerusform>
            <numerusform>%n Testfragen zu Themen, die nie im Training vorkamen (zurückgehalten: {subjects}); beide Modelle gleich gefragt: im Chat-Format, jedes Mal das wahrscheinlichste Token, beide hören bei &lt;end&gt; auf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test question(s) about subjects never used for training (held-out); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</source>
        <translation>
            <numerusform>%n Testfrage zu Themen, die nie im Training vorkamen (zurückgehalten); beide Modelle gleich gefragt: im Chat-Format, jedes Mal das wahrscheinlichste Token, beide hören bei &lt;end&gt; auf.</numerusform>
            <numerusform>%n Testfragen zu Themen, die nie im Training vorkamen (zurückgehalten); beide Modelle gleich gefragt: im Chat-Format, jedes Mal das wahrscheinlichste Token, beide hören bei &lt;end&gt; auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Models: {origins}.</source>
        <translation>Modelle: {origins}.</translation>
    </message>
</context>
<context>
    <name>StageCard</name>
    <message>
        <source>Pre-trained model</source>
        <translation>Vortrainiertes Modell</translation>
    </message>
    <message>
        <source>a next-word machine</source>
        <translation>eine Nächstes-Wort-Maschine</translation>
    </message>
    <message>
        <source>Fine-tuned model</source>
        <translation>Feinabgestimmtes Modell</translation>
    </message>
    <message>
        <source>an assistant</source>
        <translation>ein Assistent</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>Wartet auf das Modell…</translation>
    </message>
    <message>
        <source>On topic: shares {words} with the question.</source>
        <translation>Beim Thema: teilt {words} mit der Frage.</translation>
    </message>
    <message>
        <source>On topic: no word shared, but both use a word of the group “{groups}” (a hand-written list of related words).</source>
        <translation>Beim Thema: kein gemeinsames Wort, aber beide nutzen ein Wort der Gruppe „{groups}“ (eine von Hand geschriebene Liste verwandter Wörter).</translation>
    </message>
    <message>
        <source>Not on topic: no word shared with the question, and none from the same hand-written group of related words.</source>
        <translation>Nicht beim Thema: kein Wort mit der Frage gemeinsam und keins aus derselben von Hand geschriebenen Gruppe verwandter Wörter.</translation>
    </message>
    <message>
        <source>(still going when cut off)</source>
        <translation>(schrieb noch, als abgeschnitten wurde)</translation>
    </message>
    <message>
        <source>stops</source>
        <translation>hört auf</translation>
    </message>
    <message>
        <source>asks nothing back</source>
        <translation>fragt nicht zurück</translation>
    </message>
    <message>
        <source>on topic</source>
        <translation>beim Thema</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>richtig</translation>
    </message>
    <message>
        <source>made-up words: {count} of {total}</source>
        <translation>erfundene Wörter: {count} von {total}</translation>
    </message>
    <message>
        <source>Computed from what this model wrote just now. Correct: not checked (the question is not one of the pairs).</source>
        <translation>Berechnet aus dem, was dieses Modell gerade geschrieben hat. Richtig: nicht geprüft (die Frage gehört zu keinem der Paare).</translation>
    </message>
    <message>
        <source>Computed from what this model wrote just now. Correct: key words {key_words}; found {found}.</source>
        <translation>Berechnet aus dem, was dieses Modell gerade geschrieben hat. Richtig: Schlüsselwörter {key_words}; gefunden {found}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Made-up: {words}.</source>
        <translation>Erfunden: {words}.</translation>
    </message>
    <message>
        <source>asked in the chat format</source>
        <translation>im Chat-Format gefragt</translation>
    </message>
    <message>
        <source>given the bare question</source>
        <translation>mit der nackten Frage</translation>
    </message>
    <message>
        <source>{origin}; {how}.</source>
        <translation>{origin}; {how}.</translation>
    </message>
</context>
</TS>
