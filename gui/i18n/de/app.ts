<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AlignmentCharts</name>
    <message>
        <source>updates</source>
        <translation>Aktualisierungen</translation>
    </message>
    <message>
        <source>Agrees before learning: each new pair is first scored by the model as it is before it
learns from it: does the chosen answer already have the higher implicit reward? (a tie
counts one half). The running share over all pairs so far; a judge with no taste gets
about 50 %. Dashed: the share of the newest stored pairs (at most 64) it sides with
after training on them, which reads high for any judge.
Margin: beta x the difference of log-ratios, beta x [(log pi - log ref)(chosen) -
(log pi - log ref)(rejected)], averaged over those stored pairs (beta = {beta}).
Drift: KL(model || fine-tuned model), computed exactly at each position (a sum over the
whole vocabulary) along {probes} fixed continuations, sampled once from the fine-tuned
model for {probes} held-out questions; nats per answer token. Dashed: the limit the tests allow.
Trait, made-up words, reference loss, stops: from answers sampled for held-out questions
after each update, with the same dice every time. Made-up words: words found nowhere in
the training text. Reference loss: the fine-tuned model&apos;s mean loss per token on those
answers (nats): higher means stranger answers.</source>
        <translation>Stimmt vorher zu: Jedes neue Paar bewertet zuerst das Modell, wie es ist, bevor es daraus
lernt: Hat die gewählte Antwort schon die höhere implizite Belohnung? (Gleichstand zählt
halb.) Der laufende Anteil über alle bisherigen Paare; ein Bewerter ohne Geschmack kommt
auf etwa 50 %. Gestrichelt: der Anteil der neuesten gespeicherten Paare (höchstens 64), dem
es nach dem Training darauf zustimmt – der ist bei jedem Bewerter hoch.
Abstand: beta x die Differenz der Log-Verhältnisse, beta x [(log pi - log ref)(gewählt) -
(log pi - log ref)(abgelehnt)], gemittelt über diese gespeicherten Paare (beta = {beta}).
Drift: KL(Modell || feinabgestimmtes Modell), an jeder Position exakt berechnet (eine Summe
über das ganze Vokabular) entlang {probes} fester Fortsetzungen, einmal vom feinabgestimmten
Modell für {probes} zurückgehaltene Fragen gezogen; Nats pro Antwort-Token. Gestrichelt: die
Grenze, die die Tests erlauben.
Merkmal, erfundene Wörter, Referenzverlust, Stopps: aus Antworten auf zurückgehaltene Fragen,
nach jeder Aktualisierung gezogen, jedes Mal mit denselben Würfeln. Erfundene Wörter: Wörter,
die nirgends in den Trainingsdaten vorkommen. Referenzverlust: der mittlere Verlust pro Token
des feinabgestimmten Modells auf diesen Antworten (Nats): höher heißt seltsamere Antworten.</translation>
    </message>
    <message>
        <source>Agrees before learning (%)</source>
        <translation>Stimmt vor dem Lernen zu (%)</translation>
    </message>
    <message>
        <source>before learning (new pairs)</source>
        <translation>vor dem Lernen (neue Paare)</translation>
    </message>
    <message>
        <source>after learning (stored pairs)</source>
        <translation>nach dem Lernen (gespeicherte Paare)</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>Margin (β·Δ log-ratio)</source>
        <translation>Abstand (β·Δ Log-Verhältnis)</translation>
    </message>
    <message>
        <source>Drift (KL, nats/token)</source>
        <translation>Drift (KL, Nats/Token)</translation>
    </message>
    <message>
        <source>tested limit</source>
        <translation>getestete Grenze</translation>
    </message>
    <message>
        <source>Answer length (tokens)</source>
        <translation>Antwortlänge (Tokens)</translation>
    </message>
    <message>
        <source>Rewarded trait (%)</source>
        <translation>Belohntes Merkmal (%)</translation>
    </message>
    <message>
        <source>Made-up words (%)</source>
        <translation>Erfundene Wörter (%)</translation>
    </message>
    <message>
        <source>Reference loss (nats/token)</source>
        <translation>Referenzverlust (Nats/Token)</translation>
    </message>
    <message>
        <source>Stop by themselves (%)</source>
        <translation>Enden von selbst (%)</translation>
    </message>
    <message>
        <source>{trait} (%)</source>
        <translation>{trait} (%)</translation>
    </message>
    <message>
        <source>Charts of the model learning from judgements</source>
        <translation>Diagramme: das Modell lernt aus Urteilen</translation>
    </message>
    <message>
        <source>no judgements yet</source>
        <translation>noch keine Urteile</translation>
    </message>
    <message>
        <source>after {count} updates</source>
        <translation>nach {count} Aktualisierungen</translation>
    </message>
    <message>
        <source>agrees before learning {value}</source>
        <translation>stimmt vor dem Lernen zu: {value}</translation>
    </message>
    <message>
        <source>drift {value} nats per token</source>
        <translation>Drift {value} Nats pro Token</translation>
    </message>
    <message>
        <source>{trait}: {first} → {last}</source>
        <translation>{trait}: {first} → {last}</translation>
    </message>
    <message>
        <source>rewarded trait</source>
        <translation>belohntes Merkmal</translation>
    </message>
    <message>
        <source>made-up words {value}</source>
        <translation>erfundene Wörter {value}</translation>
    </message>
</context>
<context>
    <name>AttentionGrid</name>
    <message>
        <source>layer {n}</source>
        <translation>Schicht {n}</translation>
    </message>
    <message>
        <source>head {n}</source>
        <translation>Kopf {n}</translation>
    </message>
    <message>
        <source>h{n}</source>
        <comment>head n, when &apos;head n&apos; is too wide for its column</comment>
        <translation>K{n}</translation>
    </message>
    <message>
        <source>no attention measured yet</source>
        <translation>noch keine Aufmerksamkeit gemessen</translation>
    </message>
    <message>
        <source>{layers} layers × {heads} heads; chosen: layer {layer}, head {head}. The arrow keys choose another head.</source>
        <translation>{layers} Schichten × {heads} Köpfe; gewählt: Schicht {layer}, Kopf {head}. Die Pfeiltasten wählen einen anderen Kopf.</translation>
    </message>
    <message>
        <source>Attention of every head</source>
        <translation>Aufmerksamkeit jedes Kopfes</translation>
    </message>
</context>
<context>
    <name>AttentionStrip</name>
    <message>
        <source>no attention measured yet</source>
        <translation>noch keine Aufmerksamkeit gemessen</translation>
    </message>
    <message>
        <source>{token} looks most at {where}</source>
        <translation>{token} schaut am meisten auf {where}</translation>
    </message>
    <message>
        <source>Attention of the chosen head, token by token</source>
        <translation>Aufmerksamkeit des gewählten Kopfes, Token für Token</translation>
    </message>
</context>
<context>
    <name>ChartSummary</name>
    <message>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <source>“{word}”</source>
        <translation>„{word}“</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>fallend</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>steigend</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>gleichbleibend</translation>
    </message>
    <message>
        <source>held-out loss {value}</source>
        <translation>zurückgehaltener Verlust {value}</translation>
    </message>
    <message>
        <source>training loss {value}</source>
        <translation>Trainingsverlust {value}</translation>
    </message>
    <message>
        <source>no loss measured yet</source>
        <translation>noch kein Verlust gemessen</translation>
    </message>
    <message>
        <source>no guesses yet</source>
        <translation>noch keine Tipps</translation>
    </message>
    <message>
        <source>{token} {share}</source>
        <translation>{token} {share}</translation>
    </message>
    <message>
        <source>guesses: {guesses}</source>
        <translation>Tipps: {guesses}</translation>
    </message>
    <message>
        <source>the real next token {token} gets {share}</source>
        <translation>das echte nächste Token {token} bekommt {share}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>The engine stopped unexpectedly</source>
        <translation>Die Engine wurde unerwartet beendet</translation>
    </message>
    <message>
        <source>The process that runs the model ended suddenly (exit code {code}) and keeps ending. Restart the app to continue.</source>
        <translation>Der Prozess, in dem das Modell läuft, wurde plötzlich beendet (Exit-Code {code}) und bricht immer wieder ab. Starten Sie die App neu, um weiterzumachen.</translation>
    </message>
    <message>
        <source>The process that runs the model ended suddenly (exit code {code}). It is starting again with the session last saved in “{path}”.</source>
        <translation>Der Prozess, in dem das Modell läuft, wurde plötzlich beendet (Exit-Code {code}). Er startet neu mit der zuletzt in „{path}“ gespeicherten Sitzung.</translation>
    </message>
    <message>
        <source>The process that runs the model ended suddenly (exit code {code}). It is starting again with the model the app ships with.</source>
        <translation>Der Prozess, in dem das Modell läuft, wurde plötzlich beendet (Exit-Code {code}). Er startet neu mit dem Modell, das der App beiliegt.</translation>
    </message>
    <message>
        <source>The engine stopped unexpectedly and is starting again</source>
        <translation>Die Engine wurde unerwartet beendet und startet neu</translation>
    </message>
</context>
<context>
    <name>EmbeddingHistory</name>
    <message>
        <source>The detailed map (UMAP) could not be drawn this time, so the quick map (PCA) stays on screen. (Details: {details})</source>
        <translation>Die genaue Karte (UMAP) ließ sich diesmal nicht zeichnen, daher bleibt die schnelle Karte (PCA) zu sehen. (Details: {details})</translation>
    </message>
    <message>
        <source>The detailed map (UMAP) is not available right now, so the quick map (PCA) is shown instead. (Details: {details})</source>
        <translation>Die genaue Karte (UMAP) ist gerade nicht verfügbar, daher wird stattdessen die schnelle Karte (PCA) gezeigt. (Details: {details})</translation>
    </message>
    <message>
        <source>The detailed map (UMAP) stopped and is starting again; the quick map (PCA) is shown meanwhile. (Details: {details})</source>
        <translation>Die genaue Karte (UMAP) wurde beendet und startet neu; solange wird die schnelle Karte (PCA) gezeigt. (Details: {details})</translation>
    </message>
</context>
<context>
    <name>EngineFailure</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Could not add your text</source>
        <translation>Ihr Text konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not change the mix</source>
        <translation>Die Mischung konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not compare the three stages</source>
        <translation>Die drei Stufen konnten nicht verglichen werden</translation>
    </message>
    <message>
        <source>Could not find the nearest words</source>
        <translation>Die nächsten Wörter wurden nicht gefunden</translation>
    </message>
    <message>
        <source>Could not go back to the fine-tuned model</source>
        <translation>Zurück zum feinabgestimmten Modell war nicht möglich</translation>
    </message>
    <message>
        <source>Could not look inside the model</source>
        <translation>Der Blick ins Innere des Modells war nicht möglich</translation>
    </message>
    <message>
        <source>Could not measure that</source>
        <translation>Das ließ sich nicht messen</translation>
    </message>
    <message>
        <source>Could not measure the answers</source>
        <translation>Die Antworten ließen sich nicht messen</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>Die Sitzung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not pick a passage</source>
        <translation>Es konnte keine Textstelle gewählt werden</translation>
    </message>
    <message>
        <source>Could not read the training data</source>
        <translation>Die Trainingsdaten konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the word map</source>
        <translation>Die Wortkarte konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not reset the demo</source>
        <translation>Die Demo konnte nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>Could not run a training step</source>
        <translation>Ein Trainingsschritt war nicht möglich</translation>
    </message>
    <message>
        <source>Could not save the session</source>
        <translation>Die Sitzung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not start fine-tuning</source>
        <translation>Die Feinabstimmung konnte nicht starten</translation>
    </message>
    <message>
        <source>Could not start the automatic judge</source>
        <translation>Der automatische Bewerter konnte nicht starten</translation>
    </message>
    <message>
        <source>Could not start training</source>
        <translation>Das Training konnte nicht starten</translation>
    </message>
    <message>
        <source>Could not use these questions and answers</source>
        <translation>Diese Fragen und Antworten sind nicht verwendbar</translation>
    </message>
    <message>
        <source>The chat needs a fine-tuned model</source>
        <translation>Der Chat braucht ein feinabgestimmtes Modell</translation>
    </message>
    <message>
        <source>The model could not learn from your choice</source>
        <translation>Das Modell konnte aus Ihrer Wahl nicht lernen</translation>
    </message>
    <message>
        <source>The model could not make its guesses</source>
        <translation>Das Modell konnte keine Vorhersagen machen</translation>
    </message>
    <message>
        <source>The model could not write its answers</source>
        <translation>Das Modell konnte keine Antworten schreiben</translation>
    </message>
    <message>
        <source>The models could not answer</source>
        <translation>Die Modelle konnten nicht antworten</translation>
    </message>
    <message>
        <source>Could not measure what the automatic judge changed</source>
        <translation>Was der automatische Bewerter verändert hat, ließ sich nicht messen</translation>
    </message>
    <message>
        <source>The automatic judge stopped with an error</source>
        <translation>Der automatische Bewerter brach mit einem Fehler ab</translation>
    </message>
    <message>
        <source>Could not load the model</source>
        <translation>Das Modell konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Could not prepare the tokenizers</source>
        <translation>Die Tokenizer konnten nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>Fine-tuning stopped with an error</source>
        <translation>Die Feinabstimmung brach mit einem Fehler ab</translation>
    </message>
    <message>
        <source>Training stopped with an error</source>
        <translation>Das Training brach mit einem Fehler ab</translation>
    </message>
    <message>
        <source>Unknown request</source>
        <translation>Unbekannte Anfrage</translation>
    </message>
    <message>
        <source>The model is not loaded</source>
        <translation>Das Modell ist nicht geladen</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>Saving “{name}”: {done} of {total} MB</source>
        <translation>Speichere „{name}“: {done} von {total} MB</translation>
    </message>
    <message>
        <source>Gathering the session for “{name}”…</source>
        <translation>Sitzung für „{name}“ wird zusammengestellt …</translation>
    </message>
    <message>
        <source>Saved the session to “{name}”.</source>
        <translation>Sitzung in „{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Opened the session “{name}”.</source>
        <translation>Sitzung „{name}“ geöffnet.</translation>
    </message>
    <message>
        <source>Saving was cancelled. Any earlier “{name}” is unchanged.</source>
        <translation>Speichern abgebrochen. Eine frühere „{name}“ bleibt unverändert.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>The model could not answer this time.</source>
        <translation>Das Modell konnte diesmal nicht antworten.</translation>
    </message>
    <message>
        <source>Type a word first.</source>
        <translation>Geben Sie zuerst ein Wort ein.</translation>
    </message>
    <message>
        <source>“{word}” is not a single token for this model: it is split into {pieces}. Neighbours are measured between whole tokens, so pick a more common word.</source>
        <translation>„{word}“ ist für dieses Modell kein einzelnes Token: Es wird in {pieces} zerlegt. Nachbarn werden zwischen ganzen Tokens gemessen, wählen Sie also ein häufigeres Wort.</translation>
    </message>
    <message>
        <source>The model could not be loaded, so this request cannot run. See the earlier message.</source>
        <translation>Das Modell konnte nicht geladen werden, daher kann diese Anfrage nicht laufen. Siehe die Meldung davor.</translation>
    </message>
    <message>
        <source>Mentions “{word}”</source>
        <translation>Erwähnt „{word}“</translation>
    </message>
    <message>
        <source>Short answers</source>
        <translation>Kurze Antworten</translation>
    </message>
    <message>
        <source>Long answers</source>
        <translation>Lange Antworten</translation>
    </message>
    <message>
        <source>answers that mention “{word}”</source>
        <translation>Antworten, die „{word}“ erwähnen</translation>
    </message>
    <message>
        <source>answers of {n} tokens or fewer</source>
        <translation>Antworten mit höchstens {n} Tokens</translation>
    </message>
    <message>
        <source>answers longer than {n} tokens</source>
        <translation>Antworten mit mehr als {n} Tokens</translation>
    </message>
</context>
<context>
    <name>JobGate</name>
    <message>
        <source>Stop and go on</source>
        <translation>Anhalten und weiter</translation>
    </message>
    <message>
        <source>Ended the paused training run (step {step}) {purpose}.</source>
        <translation>Den pausierten Trainingslauf (Schritt {step}) beendet, {purpose}.</translation>
    </message>
    <message>
        <source>Stopped training at step {step} {purpose}.</source>
        <translation>Training bei Schritt {step} angehalten, {purpose}.</translation>
    </message>
    <message>
        <source>Stopped fine-tuning at step {step} of {total} {purpose}.</source>
        <translation>Feinabstimmung bei Schritt {step} von {total} angehalten, {purpose}.</translation>
    </message>
    <message>
        <source>Stopped the automatic judge after {step} of {total} clicks {purpose}.</source>
        <translation>Den automatischen Bewerter nach {step} von {total} Klicks angehalten, {purpose}.</translation>
    </message>
    <message>
        <source>to train</source>
        <translation>um zu trainieren</translation>
    </message>
    <message>
        <source>to train a new model from scratch</source>
        <translation>um ein neues Modell von Grund auf zu trainieren</translation>
    </message>
    <message>
        <source>to take one training step</source>
        <translation>um einen Trainingsschritt zu machen</translation>
    </message>
    <message>
        <source>to fine-tune</source>
        <translation>um feinabzustimmen</translation>
    </message>
    <message>
        <source>to learn from your thumbs-up</source>
        <translation>um aus Ihrem Daumen hoch zu lernen</translation>
    </message>
    <message>
        <source>to learn from your thumbs-down</source>
        <translation>um aus Ihrem Daumen runter zu lernen</translation>
    </message>
    <message>
        <source>to learn from your choice</source>
        <translation>um aus Ihrer Wahl zu lernen</translation>
    </message>
    <message>
        <source>to run the automatic judge</source>
        <translation>um den automatischen Bewerter laufen zu lassen</translation>
    </message>
    <message>
        <source>to write answers</source>
        <translation>um Antworten zu schreiben</translation>
    </message>
    <message>
        <source>to open Chat &amp; feedback</source>
        <translation>um Chat &amp; Feedback zu öffnen</translation>
    </message>
    <message>
        <source>to compare the three stages</source>
        <translation>um die drei Stufen zu vergleichen</translation>
    </message>
    <message>
        <source>to measure the judge&apos;s word</source>
        <translation>um das Wort des Bewerters zu messen</translation>
    </message>
    <message>
        <source>to put the question to both models</source>
        <translation>um beiden Modellen die Frage zu stellen</translation>
    </message>
    <message>
        <source>to go back to the fine-tuned model</source>
        <translation>um zum feinabgestimmten Modell zurückzukehren</translation>
    </message>
    <message>
        <source>to go back to the models and data the app came with</source>
        <translation>um zu den Modellen und Daten zurückzukehren, mit denen die App geliefert wurde</translation>
    </message>
    <message>
        <source>to open another session</source>
        <translation>um eine andere Sitzung zu öffnen</translation>
    </message>
    <message>
        <source>for another task</source>
        <translation>für eine andere Aufgabe</translation>
    </message>
    <message>
        <source>Training is running (step {step})</source>
        <translation>Das Training läuft (Schritt {step})</translation>
    </message>
    <message>
        <source>Fine-tuning is running (step {step} of {total})</source>
        <translation>Die Feinabstimmung läuft (Schritt {step} von {total})</translation>
    </message>
    <message>
        <source>The automatic judge is running (click {step} of {total})</source>
        <translation>Der automatische Bewerter läuft (Klick {step} von {total})</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>Training anhalten?</translation>
    </message>
    <message>
        <source>Stop fine-tuning?</source>
        <translation>Feinabstimmung anhalten?</translation>
    </message>
    <message>
        <source>Stop the automatic judge?</source>
        <translation>Automatischen Bewerter anhalten?</translation>
    </message>
    <message>
        <source>{running}. Stop it {purpose}?</source>
        <translation>{running}. Jetzt anhalten, {purpose}?</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <source>Let it finish</source>
        <translation>Zu Ende laufen lassen</translation>
    </message>
    <message>
        <source>{running}: what you asked for starts when it is paused.</source>
        <translation>{running}: Ihre Anfrage startet, sobald der Lauf pausiert.</translation>
    </message>
    <message>
        <source>{running}: what you asked for starts when it finishes.</source>
        <translation>{running}: Ihre Anfrage startet, sobald der Lauf fertig ist.</translation>
    </message>
</context>
<context>
    <name>JobIndicator</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen …</translation>
    </message>
    <message>
        <source>loading the model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Preparing the training data (mixing, cleaning, tokenizing)…</source>
        <translation>Trainingsdaten werden vorbereitet (mischen, bereinigen, in Tokens zerlegen) …</translation>
    </message>
    <message>
        <source>preparing the training data</source>
        <translation>Trainingsdaten vorbereiten</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft …</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Fine-tuning…</source>
        <translation>Feinabstimmung läuft …</translation>
    </message>
    <message>
        <source>fine-tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Learning from feedback…</source>
        <translation>Lernt aus Rückmeldungen …</translation>
    </message>
    <message>
        <source>learning from feedback</source>
        <translation>aus Rückmeldungen lernen</translation>
    </message>
    <message>
        <source>Measuring the answers…</source>
        <translation>Antworten werden gemessen …</translation>
    </message>
    <message>
        <source>measuring the answers</source>
        <translation>Antworten messen</translation>
    </message>
    <message>
        <source>Saving the session…</source>
        <translation>Sitzung wird gespeichert …</translation>
    </message>
    <message>
        <source>saving the session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Opening the session…</source>
        <translation>Sitzung wird geöffnet …</translation>
    </message>
    <message>
        <source>opening the session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Getting the detailed word map ready (UMAP, once per launch)…</source>
        <translation>Genaue Wortkarte wird vorbereitet (UMAP, einmal pro Start) …</translation>
    </message>
    <message>
        <source>getting the detailed word map ready</source>
        <translation>genaue Wortkarte vorbereiten</translation>
    </message>
    <message>
        <source>This takes a few seconds and cannot be interrupted; everything else keeps working.</source>
        <translation>Das dauert ein paar Sekunden und lässt sich nicht unterbrechen; alles andere funktioniert weiter.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten …</translation>
    </message>
    <message>
        <source>Fine-tuning: step {step} of {total}</source>
        <translation>Feinabstimmung: Schritt {step} von {total}</translation>
    </message>
    <message>
        <source>The automatic judge: click {done} of {total}</source>
        <translation>Der automatische Bewerter: Klick {done} von {total}</translation>
    </message>
    <message>
        <source>Training: step {step}</source>
        <translation>Training: Schritt {step}</translation>
    </message>
    <message>
        <source>also: {jobs}</source>
        <translation>außerdem: {jobs}</translation>
    </message>
    <message>
        <source>{action}: {job}</source>
        <translation>{action}: {job}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Follow the system ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start of the app.</source>
        <translation>Ab dem nächsten Start der App ist die Oberfläche auf {language}.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Restarting now starts the app again from the shipped models: save the session first (File &gt; Save session…) to keep what was trained.</source>
        <translation>Ein Neustart beginnt wieder mit den mitgelieferten Modellen: Speichern Sie zuerst die Sitzung (Datei &gt; Sitzung speichern…), um das Trainierte zu behalten.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>The app could not start again by itself. Close it and start it again to see the new language.</source>
        <translation>Die App konnte sich nicht selbst neu starten. Schließen Sie sie und starten Sie sie erneut, um die neue Sprache zu sehen.</translation>
    </message>
</context>
<context>
    <name>LayerGuessesTable</name>
    <message>
        <source>After each block, the model&apos;s running sum of numbers (the residual stream) is read out with the final norm and output head, as if the model stopped there (the logit lens). The last row is the model&apos;s real answer. Earlier rows are read with a head trained for the last layer only, so they are an approximation of what those layers “think”.</source>
        <translation>Nach jedem Block wird die laufende Zahlensumme des Modells (der Residualstrom) mit der letzten Normierung und dem Ausgabekopf ausgelesen, als ob das Modell dort aufhörte (die Logit-Lupe). Die letzte Zeile ist die echte Antwort des Modells. Frühere Zeilen werden mit einem Kopf gelesen, der nur für die letzte Schicht trainiert ist; sie nähern also nur an, was diese Schichten „denken“.</translation>
    </message>
    <message>
        <source>The guess after each block (logit lens)</source>
        <translation>Der Tipp nach jedem Block (Logit-Lupe)</translation>
    </message>
    <message>
        <source>guess {n}</source>
        <translation>Tipp {n}</translation>
    </message>
    <message>
        <source>real next</source>
        <translation>echtes nächstes</translation>
    </message>
    <message>
        <source>block {n}</source>
        <translation>Block {n}</translation>
    </message>
    <message>
        <source>After block 1, after block 2, …: {lens}</source>
        <translation>Nach Block 1, nach Block 2, …: {lens}</translation>
    </message>
</context>
<context>
    <name>LossLabel</name>
    <message>
        <source>held-out text</source>
        <translation>zurückgehaltenem Text</translation>
    </message>
    <message>
        <source>held-out answers</source>
        <translation>zurückgehaltenen Antworten</translation>
    </message>
    <message>
        <source>held-out answers, after feedback</source>
        <translation>zurückgehaltenen Antworten, nach Rückmeldungen</translation>
    </message>
    <message numerus="yes">
        <source>held-out answers, after %n judgement(s)</source>
        <translation>
            <numerusform>zurückgehaltenen Antworten, nach %n Urteil</numerusform>
            <numerusform>zurückgehaltenen Antworten, nach %n Urteilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>mistakes (loss)</source>
        <translation>Fehler (Verlust)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>tokens read (thousands)</source>
        <translation>gelesene Tokens (Tausend)</translation>
    </message>
    <message>
        <source>on training text</source>
        <translation>auf Trainingstext</translation>
    </message>
    <message>
        <source>on unseen text (held-out)</source>
        <translation>auf ungesehenem Text (zurückgehalten)</translation>
    </message>
    <message>
        <source>Loss chart</source>
        <translation>Verlustdiagramm</translation>
    </message>
    <message>
        <source>random guessing</source>
        <translation>zufälliges Raten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Watch a tiny language model being made</source>
        <translation>Sehen Sie zu, wie ein winziges Sprachmodell entsteht</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tour</source>
        <translation>&amp;Führung</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>MergeCurve</name>
    <message>
        <source>merges learned</source>
        <translation>gelernte Verschmelzungen</translation>
    </message>
    <message>
        <source>tokens in your text</source>
        <translation>Tokens in Ihrem Text</translation>
    </message>
    <message>
        <source>no text to tokenize yet</source>
        <translation>noch kein Text zum Zerlegen</translation>
    </message>
    <message>
        <source>your text: {start} tokens before any merge, {end} after {merges} merges</source>
        <translation>Ihr Text: {start} Tokens vor jeder Verschmelzung, {end} nach {merges} Verschmelzungen</translation>
    </message>
    <message>
        <source>Tokens in your text against merges learned</source>
        <translation>Tokens in Ihrem Text über gelernten Verschmelzungen</translation>
    </message>
</context>
<context>
    <name>MergeReplayView</name>
    <message>
        <source>⇤ Start over</source>
        <translation>⇤ Von vorn</translation>
    </message>
    <message>
        <source>Back to no merges: every byte is its own token</source>
        <translation>Zurück zu keiner Verschmelzung: jedes Byte ist ein eigenes Token</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Abspielen</translation>
    </message>
    <message>
        <source>Learn merges one after another, at the speed on the right</source>
        <translation>Verschmelzungen nacheinander lernen, im Tempo rechts</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>Schritt ▸</translation>
    </message>
    <message>
        <source>Jump to the next merge that changes this text</source>
        <translation>Zur nächsten Verschmelzung springen, die diesen Text ändert</translation>
    </message>
    <message>
        <source>Jump to end ⇥</source>
        <translation>Zum Ende ⇥</translation>
    </message>
    <message>
        <source>Apply every merge: the finished tokenizer</source>
        <translation>Alle Verschmelzungen anwenden: der fertige Tokenizer</translation>
    </message>
    <message>
        <source>{n} merges/s</source>
        <translation>{n} Verschmelzungen/s</translation>
    </message>
    <message>
        <source>How many merges are learned each second while playing</source>
        <translation>Wie viele Verschmelzungen beim Abspielen pro Sekunde gelernt werden</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Abspieltempo</translation>
    </message>
    <message>
        <source>Drag to any point of training</source>
        <translation>Ziehen, um zu einem beliebigen Punkt des Trainings zu springen</translation>
    </message>
    <message>
        <source>Merges learned so far</source>
        <translation>Bisher gelernte Verschmelzungen</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>tokens it knows (vocabulary)</source>
        <translation>bekannte Tokens (Vokabular)</translation>
    </message>
    <message>
        <source>tokens in your text</source>
        <translation>Tokens in Ihrem Text</translation>
    </message>
    <message>
        <source>characters per token</source>
        <translation>Zeichen pro Token</translation>
    </message>
    <message>
        <source>The subword tokenizer (BPE) is not ready yet…</source>
        <translation>Der Teilwort-Tokenizer (BPE) ist noch nicht bereit …</translation>
    </message>
    <message>
        <source>No merges yet: every letter (byte) is a token of its own. Press ▶ Play.</source>
        <translation>Noch keine Verschmelzung: Jeder Buchstabe (jedes Byte) ist ein eigenes Token. Drücken Sie ▶ Abspielen.</translation>
    </message>
    <message>
        <source>Merge {n} of {total}: {a} + {b} → {merged}</source>
        <translation>Verschmelzung {n} von {total}: {a} + {b} → {merged}</translation>
    </message>
    <message>
        <source>It started as {n} tokens: one per byte (letter).</source>
        <translation>Am Anfang waren es {n} Tokens: eines pro Byte (Buchstabe).</translation>
    </message>
    <message>
        <source>Your text starts as {n} bytes: one token each.</source>
        <translation>Ihr Text beginnt als {n} Bytes: je ein Token.</translation>
    </message>
    <message>
        <source>Framed in black: the newest piece in your text, “{piece}” (merge {step}).</source>
        <translation>Schwarz umrandet: das neueste Stück in Ihrem Text, „{piece}“ (Verschmelzung {step}).</translation>
    </message>
    <message>
        <source>(Only the first {n} characters of your text are used here.)</source>
        <translation>(Hier werden nur die ersten {n} Zeichen Ihres Textes verwendet.)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pause</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>(%n earlier message(s))</source>
        <translation>
            <numerusform>(%n frühere Meldung)</numerusform>
            <numerusform>(%n frühere Meldungen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelStatusBar</name>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen …</translation>
    </message>
    <message>
        <source>Preparing the training data…</source>
        <translation>Trainingsdaten werden vorbereitet …</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft …</translation>
    </message>
    <message>
        <source>Learning from feedback…</source>
        <translation>Lernt aus Rückmeldungen …</translation>
    </message>
    <message>
        <source>How surprised the model is by book text it has not trained on (held-out chapters): the mean loss per token, in nats. Lower is better. Measured on the same two batches of those chapters every time, so that it can be measured while training; over all of them the figure differs a little.</source>
        <translation>Wie überrascht das Modell von Buchtext ist, auf dem es nicht trainiert hat (zurückgehaltene Kapitel): der mittlere Verlust pro Token, in Nats. Niedriger ist besser. Gemessen jedes Mal an denselben zwei Stapeln dieser Kapitel, damit es sich während des Trainings messen lässt; über alle gemessen weicht die Zahl etwas ab.</translation>
    </message>
    <message>
        <source>How surprised the model is by the answers to the held-out questions (their answer tokens and &lt;end&gt;, mean loss per token, in nats). Measured again after fine-tuning and after every judgement it learns from.</source>
        <translation>Wie überrascht das Modell von den Antworten auf die zurückgehaltenen Fragen ist (ihre Antwort-Tokens und &lt;end&gt;, mittlerer Verlust pro Token, in Nats). Neu gemessen nach der Feinabstimmung und nach jedem Urteil, aus dem es lernt.</translation>
    </message>
    <message>
        <source>How surprised the model is by text it has not trained on (held-out loss): lower is better</source>
        <translation>Wie überrascht das Modell von Text ist, auf dem es nicht trainiert hat (zurückgehaltener Verlust): niedriger ist besser</translation>
    </message>
    <message>
        <source>{stage} ({does})</source>
        <translation>{stage} ({does})</translation>
    </message>
    <message>
        <source>{n} billion</source>
        <translation>{n} Mrd.</translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation>{n} Mio.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>How many numbers the model can adjust while it learns (parameters)</source>
        <translation>Wie viele Zahlen das Modell beim Lernen anpassen kann (Parameter)</translation>
    </message>
    <message>
        <source>How many pieces of text it has learned from (tokens seen)</source>
        <translation>Aus wie vielen Textstücken es gelernt hat (gesehene Tokens)</translation>
    </message>
    <message>
        <source>Where the model is on its way: pre-training, fine-tuning, RLHF</source>
        <translation>Wo das Modell auf seinem Weg steht: Vortraining, Feinabstimmung, RLHF</translation>
    </message>
    <message>
        <source>Model: —</source>
        <translation>Modell: —</translation>
    </message>
    <message>
        <source>Size: —</source>
        <translation>Größe: —</translation>
    </message>
    <message>
        <source>Mistakes (loss): —</source>
        <translation>Fehler (Verlust): —</translation>
    </message>
    <message>
        <source>loss —</source>
        <translation>Verlust —</translation>
    </message>
    <message>
        <source>Read: —</source>
        <translation>Gelesen: —</translation>
    </message>
    <message>
        <source>Mistakes (loss, {on}): {loss}</source>
        <translation>Fehler (Verlust auf {on}): {loss}</translation>
    </message>
    <message>
        <source>loss, {on}: {loss}</source>
        <translation>Verlust auf {on}: {loss}</translation>
    </message>
    <message>
        <source>Mistakes (loss): {loss}</source>
        <translation>Fehler (Verlust): {loss}</translation>
    </message>
    <message>
        <source>loss: {loss}</source>
        <translation>Verlust: {loss}</translation>
    </message>
    <message>
        <source>Model: {stage}</source>
        <translation>Modell: {stage}</translation>
    </message>
    <message>
        <source>Size: {count} parameters</source>
        <translation>Größe: {count} Parameter</translation>
    </message>
    <message>
        <source>{count} params</source>
        <translation>{count} Parameter</translation>
    </message>
    <message numerus="yes">
        <source>Read: {count} token(s)</source>
        <translation>
            <numerusform>Gelesen: {count} Token</numerusform>
            <numerusform>Gelesen: {count} Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} token(s)</source>
        <translation>
            <numerusform>{count} Token</numerusform>
            <numerusform>{count} Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>The model is {stage}. {tip}</source>
        <translation>Das Modell ist {stage}. {tip}</translation>
    </message>
    <message>
        <source>training… (paused)</source>
        <translation>trainiert … (pausiert)</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>trainiert …</translation>
    </message>
    <message>
        <source>fine-tuning…</source>
        <translation>wird feinabgestimmt …</translation>
    </message>
    <message>
        <source>aligned (1 judgement)</source>
        <translation>ausgerichtet (1 Urteil)</translation>
    </message>
    <message numerus="yes">
        <source>aligned (%n judgements)</source>
        <translation>
            <numerusform>ausgerichtet (%n Urteil)</numerusform>
            <numerusform>ausgerichtet (%n Urteile)</numerusform>
        </translation>
    </message>
    <message>
        <source>The model could not be loaded: {message}</source>
        <translation>Das Modell konnte nicht geladen werden: {message}</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Pre-training</source>
        <translation>Vortraining</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>RLHF</source>
        <translation>RLHF</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Einbettungen</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmen</translation>
    </message>
    <message>
        <source>Chat &amp; feedback</source>
        <translation>Chat &amp; Feedback</translation>
    </message>
    <message>
        <source>Steps of the story</source>
        <translation>Schritte der Geschichte</translation>
    </message>
</context>
<context>
    <name>ParameterMapTable</name>
    <message>
        <source>Token table (embedding)</source>
        <translation>Token-Tabelle (Einbettung)</translation>
    </message>
    <message>
        <source>Position table</source>
        <translation>Positionstabelle</translation>
    </message>
    <message>
        <source>Norm before attention</source>
        <translation>Normierung vor der Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Norm before attention, offsets</source>
        <translation>Normierung vor der Aufmerksamkeit, Verschiebungen</translation>
    </message>
    <message>
        <source>Attention: query, key, value</source>
        <translation>Aufmerksamkeit: Query, Key, Value</translation>
    </message>
    <message>
        <source>Attention: q, k, v offsets</source>
        <translation>Aufmerksamkeit: q-, k-, v-Verschiebungen</translation>
    </message>
    <message>
        <source>Attention: output</source>
        <translation>Aufmerksamkeit: Ausgabe</translation>
    </message>
    <message>
        <source>Attention: output offsets</source>
        <translation>Aufmerksamkeit: Ausgabe-Verschiebungen</translation>
    </message>
    <message>
        <source>Norm before the MLP</source>
        <translation>Normierung vor dem MLP</translation>
    </message>
    <message>
        <source>Norm before the MLP, offsets</source>
        <translation>Normierung vor dem MLP, Verschiebungen</translation>
    </message>
    <message>
        <source>MLP: widen (feed-forward)</source>
        <translation>MLP: verbreitern (Feed-Forward)</translation>
    </message>
    <message>
        <source>MLP: widen, offsets</source>
        <translation>MLP: verbreitern, Verschiebungen</translation>
    </message>
    <message>
        <source>MLP: narrow back</source>
        <translation>MLP: zurück verschmälern</translation>
    </message>
    <message>
        <source>MLP: narrow back, offsets</source>
        <translation>MLP: zurück verschmälern, Verschiebungen</translation>
    </message>
    <message>
        <source>Final norm</source>
        <translation>Letzte Normierung</translation>
    </message>
    <message>
        <source>Final norm, offsets</source>
        <translation>Letzte Normierung, Verschiebungen</translation>
    </message>
    <message>
        <source>Output head (scores every token)</source>
        <translation>Ausgabekopf (bewertet jedes Token)</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Einbettungen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Block {n}</source>
        <translation>Block {n}</translation>
    </message>
    <message>
        <source>B{n}</source>
        <translation>B{n}</translation>
    </message>
    <message>
        <source>Part (B1 = block 1)</source>
        <translation>Teil (B1 = Block 1)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Bewegt</translation>
    </message>
    <message>
        <source>How much the part&apos;s numbers moved over the last steps of training: the size of the change divided by the size of the numbers (relative L2 change).</source>
        <translation>Wie stark sich die Zahlen des Teils in den letzten Trainingsschritten bewegt haben: die Größe der Änderung geteilt durch die Größe der Zahlen (relative L2-Änderung).</translation>
    </message>
    <message>
        <source>Parts of the model and their numbers</source>
        <translation>Teile des Modells und ihre Zahlen</translation>
    </message>
    <message>
        <source>Enter shows the chosen part&apos;s numbers</source>
        <translation>Eingabe zeigt die Zahlen des gewählten Teils</translation>
    </message>
    <message>
        <source>{group} · {part}: same as token table</source>
        <translation>{group} · {part}: wie die Token-Tabelle</translation>
    </message>
    <message>
        <source>{group}: {part} ({name}): it reuses the numbers of {shared}, so it adds none (tied)</source>
        <translation>{group}: {part} ({name}): verwendet die Zahlen von {shared} mit, fügt also keine hinzu (gekoppelt)</translation>
    </message>
    <message>
        <source>Total (as in the status bar)</source>
        <translation>Gesamt (wie in der Statusleiste)</translation>
    </message>
</context>
<context>
    <name>PictureExport</name>
    <message>
        <source>Save the picture as .png or .svg, not {ending}.</source>
        <translation>Speichern Sie das Bild als .png oder .svg, nicht als {ending}.</translation>
    </message>
    <message>
        <source>Save the picture as .png or .svg: the name has no ending.</source>
        <translation>Speichern Sie das Bild als .png oder .svg: Der Name hat keine Endung.</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>{path} konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Waiting for the model…</source>
        <translation>Warte auf das Modell …</translation>
    </message>
    <message>
        <source>The model&apos;s guesses for the next token</source>
        <translation>Die Tipps des Modells für das nächste Token</translation>
    </message>
    <message>
        <source>This window is the last one: there is no next token to check against.</source>
        <translation>Dies ist das letzte Fenster: Es gibt kein nächstes Token zum Vergleich.</translation>
    </message>
    <message>
        <source>The real next token is not among the model&apos;s top {k} guesses yet.</source>
        <translation>Das echte nächste Token ist noch nicht unter den {k} besten Tipps des Modells.</translation>
    </message>
    <message>
        <source>✓ real</source>
        <translation>✓ echt</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Save session…</source>
        <translation>Sitzung speichern …</translation>
    </message>
    <message>
        <source>Save everything in one file: the models of every stage, the data mix, your texts, your questions and answers, your feedback</source>
        <translation>Alles in einer Datei speichern: die Modelle jeder Stufe, die Datenmischung, Ihre Texte, Ihre Fragen und Antworten, Ihre Rückmeldungen</translation>
    </message>
    <message>
        <source>Open session…</source>
        <translation>Sitzung öffnen …</translation>
    </message>
    <message>
        <source>Open a session saved with “Save session…”, here or elsewhere</source>
        <translation>Eine mit „Sitzung speichern …“ gespeicherte Sitzung öffnen, von hier oder anderswo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Close the app (what it remembers is saved)</source>
        <translation>Die App schließen (was sie sich merkt, wird gespeichert)</translation>
    </message>
    <message>
        <source>Three Pillars sessions (*.pillars);;All files (*)</source>
        <translation>Three-Pillars-Sitzungen (*.pillars);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the whole session in one file</source>
        <translation>Die ganze Sitzung in einer Datei speichern</translation>
    </message>
    <message>
        <source>Saving the session to “{name}”…</source>
        <translation>Sitzung wird in „{name}“ gespeichert …</translation>
    </message>
    <message>
        <source>Open a saved session</source>
        <translation>Eine gespeicherte Sitzung öffnen</translation>
    </message>
    <message>
        <source>Opening “{name}”…</source>
        <translation>„{name}“ wird geöffnet …</translation>
    </message>
    <message>
        <source>“{name}” was not opened; the session you had is unchanged.</source>
        <translation>„{name}“ wurde nicht geöffnet; Ihre bisherige Sitzung ist unverändert.</translation>
    </message>
    <message>
        <source>The session was not saved to “{name}”.</source>
        <translation>Die Sitzung wurde nicht in „{name}“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>untrained</source>
        <translation>untrainiert</translation>
    </message>
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
        <source>Untrained</source>
        <translation>Untrainiert</translation>
    </message>
    <message>
        <source>Pre-trained</source>
        <translation>Vortrainiert</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>Feinabgestimmt</translation>
    </message>
    <message>
        <source>Aligned</source>
        <translation>Ausgerichtet</translation>
    </message>
    <message>
        <source>guesses at random</source>
        <translation>rät zufällig</translation>
    </message>
    <message>
        <source>continues text</source>
        <translation>setzt Text fort</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>follows feedback</source>
        <translation>folgt Rückmeldungen</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Starting: loading the engine and the model…</source>
        <translation>Start: die Engine und das Modell werden geladen…</translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>{count} tokens: {tokens}</source>
        <translation>{count} Tokens: {tokens}</translation>
    </message>
    <message>
        <source>no tokens</source>
        <translation>keine Tokens</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more token(s)</source>
        <translation>
            <numerusform>… und %Ln weiteres Token</numerusform>
            <numerusform>… und %Ln weitere Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>“{text}” is not in this tokenizer&apos;s vocabulary: it has no id (unknown token)</source>
        <translation>„{text}“ ist nicht im Vokabular dieses Tokenizers: Es hat keine Nummer (unbekanntes Token)</translation>
    </message>
    <message>
        <source>token “{text}” — its number (id) is {id}</source>
        <translation>Token „{text}“ – seine Nummer (ID) ist {id}</translation>
    </message>
</context>
<context>
    <name>TokenStrip</name>
    <message>
        <source>no window yet</source>
        <translation>noch kein Fenster</translation>
    </message>
    <message>
        <source>window: {tokens}; nothing after it to guess</source>
        <translation>Fenster: {tokens}; danach gibt es nichts zu erraten</translation>
    </message>
    <message>
        <source>window: {tokens}; the token to guess: {target}</source>
        <translation>Fenster: {tokens}; das zu erratende Token: {target}</translation>
    </message>
    <message>
        <source>The text, with the window the model reads</source>
        <translation>Der Text, mit dem Fenster, das das Modell liest</translation>
    </message>
</context>
<context>
    <name>WeightHeatmap</name>
    <message>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>The chosen part&apos;s numbers</source>
        <translation>Die Zahlen des gewählten Teils</translation>
    </message>
    <message>
        <source>{rows} × {cols} numbers, from {low} to {high}</source>
        <translation>{rows} × {cols} Zahlen, von {low} bis {high}</translation>
    </message>
</context>
<context>
    <name>WordGroups</name>
    <message>
        <source>sea &amp; water</source>
        <translation type="vanished">Meer &amp; Wasser</translation>
    </message>
    <message>
        <source>land</source>
        <translation type="vanished">Land</translation>
    </message>
    <message>
        <source>weather</source>
        <translation type="vanished">Wetter</translation>
    </message>
    <message>
        <source>royalty</source>
        <translation type="vanished">Königshaus</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation type="vanished">Obst</translation>
    </message>
    <message>
        <source>animals</source>
        <translation type="vanished">Tiere</translation>
    </message>
    <message>
        <source>body &amp; aches</source>
        <translation type="vanished">Körper &amp; Schmerzen</translation>
    </message>
    <message>
        <source>people</source>
        <translation type="vanished">Menschen</translation>
    </message>
    <message>
        <source>other</source>
        <translation type="vanished">Sonstige</translation>
    </message>
</context>
<context>
    <name>WordMap</name>
    <message>
        <source>{count} words on the map</source>
        <translation>{count} Wörter auf der Karte</translation>
    </message>
    <message>
        <source>{word}&apos;s nearest words: {words}</source>
        <translation>Nächste Wörter von {word}: {words}</translation>
    </message>
    <message>
        <source>Word map</source>
        <translation>Wortkarte</translation>
    </message>
</context>
<context>
    <name>WorkerRestart</name>
    <message numerus="yes">
        <source>%n preference update(s)</source>
        <translation>
            <numerusform>%n Präferenz-Aktualisierung</numerusform>
            <numerusform>%n Präferenz-Aktualisierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>pre-training up to step {step} ({tokens} tokens read)</source>
        <translation>das Vortraining bis Schritt {step} ({tokens} gelesene Tokens)</translation>
    </message>
    <message>
        <source>fine-tuning up to step {step}</source>
        <translation>die Feinabstimmung bis Schritt {step}</translation>
    </message>
    <message>
        <source>No training had run since “{path}” was last saved; other changes since then (a new mix, added texts, edited questions) are gone.</source>
        <translation>Seit „{path}“ zuletzt gespeichert wurde, lief kein Training; andere Änderungen seitdem (eine neue Mischung, hinzugefügte Texte, bearbeitete Fragen) sind verloren.</translation>
    </message>
    <message>
        <source>No training had run in this session (nothing was saved); other changes since then (a new mix, added texts, edited questions) are gone.</source>
        <translation>In dieser Sitzung lief kein Training (nichts wurde gespeichert); andere Änderungen seitdem (eine neue Mischung, hinzugefügte Texte, bearbeitete Fragen) sind verloren.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Lost: the work since “{path}” was last saved, including {parts}.</source>
        <translation>Verloren: die Arbeit seit dem letzten Speichern von „{path}“, darunter {parts}.</translation>
    </message>
    <message>
        <source>Lost: the work in this session (nothing was saved), including {parts}.</source>
        <translation>Verloren: die Arbeit in dieser Sitzung (nichts wurde gespeichert), darunter {parts}.</translation>
    </message>
</context>
</TS>
