<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ChatPanel</name>
    <message>
        <source>Chat &amp; feedback: the model learns what people prefer</source>
        <translation>Chat &amp; Rückmeldung: Das Modell lernt, was Menschen bevorzugen</translation>
    </message>
    <message>
        <source>Each judgement changes the model at once: learning from human feedback (RLHF).</source>
        <translation>Jedes Urteil verändert das Modell sofort: Lernen aus menschlicher Rückmeldung (RLHF).</translation>
    </message>
    <message>
        <source>Ask the model a question…</source>
        <translation>Dem Modell eine Frage stellen…</translation>
    </message>
    <message>
        <source>The model was fine-tuned on questions about the sea, the weather, animals, fruit, kings and queens, aches and people&apos;s work. It answers in English.</source>
        <translation>Das Modell wurde mit Fragen über das Meer, das Wetter, Tiere, Obst, Könige und Königinnen, Schmerzen und Berufe feinabgestimmt. Es antwortet auf Englisch.</translation>
    </message>
    <message>
        <source>Your question to the model</source>
        <translation>Ihre Frage an das Modell</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Two new answers from the model as it is now</source>
        <translation>Zwei neue Antworten vom Modell, so wie es jetzt ist</translation>
    </message>
    <message>
        <source>Other question</source>
        <translation>Andere Frage</translation>
    </message>
    <message>
        <source>Pick one of a few questions the model can handle</source>
        <translation>Eine von ein paar Fragen wählen, die das Modell beantworten kann</translation>
    </message>
    <message>
        <source>↺ Reset to the fine-tuned model</source>
        <translation>↺ Urteile vergessen</translation>
    </message>
    <message>
        <source>Forget every judgement: the model goes back to how it was after fine-tuning (the reference model)</source>
        <translation>Alle Urteile vergessen: Das Modell wird wieder so, wie es nach der Feinabstimmung war (das Referenzmodell)</translation>
    </message>
    <message>
        <source>Your judgements</source>
        <translation>Ihre Urteile</translation>
    </message>
    <message>
        <source>A biased judge</source>
        <translation>Ein voreingenommener Bewerter</translation>
    </message>
    <message>
        <source>Compare the three stages</source>
        <translation>Die drei Stufen vergleichen</translation>
    </message>
    <message>
        <source>Judgements, the biased judge and the three stages</source>
        <translation>Urteile, der voreingenommene Bewerter und die drei Stufen</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Geben Sie zuerst eine Frage ein.</translation>
    </message>
    <message>
        <source>waiting for the running job to finish…</source>
        <translation>wartet, bis die laufende Aufgabe fertig ist…</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <source>▲ Good: “{answer}”</source>
        <translation>▲ Gut: „{answer}“</translation>
    </message>
    <message>
        <source>▼ Bad: “{answer}”</source>
        <translation>▼ Schlecht: „{answer}“</translation>
    </message>
    <message>
        <source>Better: “{chosen}” over “{rejected}”</source>
        <translation>Besser: „{chosen}“ statt „{rejected}“</translation>
    </message>
    <message>
        <source>↺ Back to the fine-tuned model: every judgement forgotten</source>
        <translation>↺ Zurück zum feinabgestimmten Modell: alle Urteile vergessen</translation>
    </message>
    <message>
        <source>Type one word for the judge, for example “sea”.</source>
        <translation>Geben Sie dem Bewerter ein (englisches) Wort, zum Beispiel „sea“.</translation>
    </message>
    <message>
        <source>Measuring the model before the judge starts…</source>
        <translation>Das Modell wird gemessen, bevor der Bewerter beginnt…</translation>
    </message>
    <message numerus="yes">
        <source>Automatic judge ({judge}): %n click(s)</source>
        <translation>
            <numerusform>Automatischer Bewerter ({judge}): %n Klick</numerusform>
            <numerusform>Automatischer Bewerter ({judge}): %n Klicks</numerusform>
        </translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>fragt…</translation>
    </message>
    <message>
        <source>These answers come from the fine-tuned model (no judgements yet).</source>
        <translation>Diese Antworten stammen vom feinabgestimmten Modell (noch keine Urteile).</translation>
    </message>
    <message numerus="yes">
        <source>These answers come from the model after %n update(s).</source>
        <translation>
            <numerusform>Diese Antworten stammen vom Modell nach %n Aktualisierung.</numerusform>
            <numerusform>Diese Antworten stammen vom Modell nach %n Aktualisierungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Both say the same: the model is sure here. Judge it with a thumb, or ask another question.</source>
        <translation>Beide sagen dasselbe: Hier ist sich das Modell sicher. Bewerten Sie mit Daumen hoch oder runter, oder stellen Sie eine andere Frage.</translation>
    </message>
    <message>
        <source>The model is learning from your choice…</source>
        <translation>Das Modell lernt aus Ihrer Wahl…</translation>
    </message>
    <message>
        <source>The update failed and was undone.</source>
        <translation>Die Aktualisierung ist fehlgeschlagen und wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>No answers: {message}</source>
        <translation>Keine Antworten: {message}</translation>
    </message>
    <message>
        <source>Learned in {seconds} s (update {version}). The next answers come from the changed model.</source>
        <translation>Gelernt in {seconds} s (Aktualisierung {version}). Die nächsten Antworten kommen vom veränderten Modell.</translation>
    </message>
    <message>
        <source>The automatic judge {judge}.</source>
        <translation>Der automatische Bewerter {judge}.</translation>
    </message>
    <message>
        <source>The judge stopped.</source>
        <translation>Der Bewerter wurde angehalten.</translation>
    </message>
    <message>
        <source>The judge is done.</source>
        <translation>Der Bewerter ist fertig.</translation>
    </message>
    <message>
        <source>The automatic judge: click {done} of {total}…</source>
        <translation>Der automatische Bewerter: Klick {done} von {total}…</translation>
    </message>
</context>
<context>
    <name>FeedbackCard</name>
    <message>
        <source>Answer {name}</source>
        <translation>Antwort {name}</translation>
    </message>
    <message>
        <source>▲ Good</source>
        <translation>▲ Gut</translation>
    </message>
    <message>
        <source>Thumb up: this answer is good on its own.
The model makes it more likely (KTO update).</source>
        <translation>Daumen hoch: Diese Antwort ist für sich genommen gut.
Das Modell macht sie wahrscheinlicher (KTO-Aktualisierung).</translation>
    </message>
    <message>
        <source>▼ Bad</source>
        <translation>▼ Schlecht</translation>
    </message>
    <message>
        <source>Thumb down: this answer is bad on its own.
The model makes it less likely (KTO update).</source>
        <translation>Daumen runter: Diese Antwort ist für sich genommen schlecht.
Das Modell macht sie unwahrscheinlicher (KTO-Aktualisierung).</translation>
    </message>
    <message>
        <source>This one is better</source>
        <translation>Diese ist besser</translation>
    </message>
    <message>
        <source>Prefer this answer to the other one.
The model learns the preference (DPO update).</source>
        <translation>Diese Antwort der anderen vorziehen.
Das Modell lernt die Vorliebe (DPO-Aktualisierung).</translation>
    </message>
    <message>
        <source>Answer {letter} is good</source>
        <translation>Antwort {letter} ist gut</translation>
    </message>
    <message>
        <source>Answer {letter} is bad</source>
        <translation>Antwort {letter} ist schlecht</translation>
    </message>
    <message>
        <source>Answer {letter} is the better one</source>
        <translation>Antwort {letter} ist die bessere</translation>
    </message>
    <message>
        <source>(nothing: it stopped at once)</source>
        <translation>(nichts: es hat sofort aufgehört)</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s), stopped by itself</source>
        <translation>
            <numerusform>%n Token, hat von selbst aufgehört</numerusform>
            <numerusform>%n Tokens, hat von selbst aufgehört</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s), ran out of room, cut off</source>
        <translation>
            <numerusform>%n Token, kein Platz mehr, abgeschnitten</numerusform>
            <numerusform>%n Tokens, kein Platz mehr, abgeschnitten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Your judgements, newest first</source>
        <translation>Ihre Urteile, die neuesten zuerst</translation>
    </message>
</context>
<context>
    <name>JudgeTab</name>
    <message>
        <source>always prefers answers that mention the word</source>
        <translation>bevorzugt immer Antworten, die das Wort nennen</translation>
    </message>
    <message>
        <source>always prefers answers WITHOUT the word</source>
        <translation>bevorzugt immer Antworten OHNE das Wort</translation>
    </message>
    <message>
        <source>always prefers the shorter answer</source>
        <translation>bevorzugt immer die kürzere Antwort</translation>
    </message>
    <message>
        <source>always prefers the longer answer</source>
        <translation>bevorzugt immer die längere Antwort</translation>
    </message>
    <message>
        <source>picks at random (no taste at all)</source>
        <translation>wählt zufällig (ganz ohne Geschmack)</translation>
    </message>
    <message>
        <source>Real judges have tastes and biases. Here an automatic judge (a scripted ranker) clicks for you. Whatever it rewards, the model learns, bias included: watch the charts drift.</source>
        <translation>Echte Bewerter haben Geschmack und Vorurteile. Hier klickt ein automatischer Bewerter (ein vorprogrammierter Ranker) für Sie. Was immer er belohnt, lernt das Modell, Voreingenommenheit inklusive: Sehen Sie, wie die Diagramme wegdriften.</translation>
    </message>
    <message>
        <source>A judge that</source>
        <translation>Ein Bewerter, der</translation>
    </message>
    <message>
        <source>What the judge prefers</source>
        <translation>Was der Bewerter bevorzugt</translation>
    </message>
    <message>
        <source>The word this judge is biased for (or against); an English word, as the model is English</source>
        <translation>Das Wort, für (oder gegen) das dieser Bewerter voreingenommen ist; ein englisches Wort, denn das Modell ist englisch</translation>
    </message>
    <message>
        <source>The judge&apos;s word</source>
        <translation>Das Wort des Bewerters</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>How many times the judge clicks</source>
        <translation>Wie oft der Bewerter klickt</translation>
    </message>
    <message>
        <source> clicks</source>
        <translation> Klicks</translation>
    </message>
    <message>
        <source>▶ Let it judge</source>
        <translation>▶ Bewerten lassen</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Anhalten</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>Antworten</translation>
    </message>
    <message numerus="yes">
        <source>Before: &lt;b&gt;{rate}&lt;/b&gt; of {trait} (on %n answer(s) to questions it never trained on). The judge is clicking…</source>
        <translation>
            <numerusform>Vorher: &lt;b&gt;{rate}&lt;/b&gt; der {trait} (bei %n Antwort auf Fragen, mit denen es nie trainiert hat). Der Bewerter klickt…</numerusform>
            <numerusform>Vorher: &lt;b&gt;{rate}&lt;/b&gt; der {trait} (bei %n Antworten auf Fragen, mit denen es nie trainiert hat). Der Bewerter klickt…</numerusform>
        </translation>
    </message>
    <message>
        <source>far more than chance could explain</source>
        <translation>weit mehr, als der Zufall erklären könnte</translation>
    </message>
    <message>
        <source>within what chance alone could give</source>
        <translation>im Rahmen dessen, was der Zufall allein ergeben könnte</translation>
    </message>
    <message>
        <source>What it cost: made-up words &lt;b&gt;{before}&lt;/b&gt; → &lt;b&gt;{after}&lt;/b&gt; (p = {p}); the fine-tuned model&apos;s loss on the answers &lt;b&gt;{loss_before}&lt;/b&gt; → &lt;b&gt;{loss_after}&lt;/b&gt; nats/token (p = {loss_p}).</source>
        <translation>Was es gekostet hat: erfundene Wörter &lt;b&gt;{before}&lt;/b&gt; → &lt;b&gt;{after}&lt;/b&gt; (p = {p}); Verlust des feinabgestimmten Modells auf den Antworten &lt;b&gt;{loss_before}&lt;/b&gt; → &lt;b&gt;{loss_after}&lt;/b&gt; Nats/Token (p = {loss_p}).</translation>
    </message>
    <message numerus="yes">
        <source>{trait}, on %n answer(s) to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks, {learned} of which changed the model (p = {p}: {verdict}).</source>
        <translation>
            <numerusform>{trait}, bei %n Antwort auf Fragen, mit denen es nie trainiert hat: &lt;b&gt;{before}&lt;/b&gt; vorher → &lt;b&gt;{after}&lt;/b&gt; nach {clicks} Klicks, von denen {learned} das Modell änderten (p = {p}: {verdict}).</numerusform>
            <numerusform>{trait}, bei %n Antworten auf Fragen, mit denen es nie trainiert hat: &lt;b&gt;{before}&lt;/b&gt; vorher → &lt;b&gt;{after}&lt;/b&gt; nach {clicks} Klicks, von denen {learned} das Modell änderten (p = {p}: {verdict}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{trait}, on %n answer(s) to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks (p = {p}: {verdict}).</source>
        <translation type="vanished">
            <numerusform>{trait}, bei %n Antwort auf Fragen, mit denen es nie trainiert hat: &lt;b&gt;{before}&lt;/b&gt; vorher → &lt;b&gt;{after}&lt;/b&gt; nach {clicks} Klicks (p = {p}: {verdict}).</numerusform>
            <numerusform>{trait}, bei %n Antworten auf Fragen, mit denen es nie trainiert hat: &lt;b&gt;{before}&lt;/b&gt; vorher → &lt;b&gt;{after}&lt;/b&gt; nach {clicks} Klicks (p = {p}: {verdict}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer length {before} → {after} tokens.</source>
        <translation>Antwortlänge {before} → {after} Tokens.</translation>
    </message>
    <message>
        <source>p-values: {test}. The answers to one question are alike, so the test pairs each question&apos;s share before with its share after, and asks how often chance (swapping before and after, question by question) gives a change as large.</source>
        <translation>p-Werte: {test}. Die Antworten auf eine Frage ähneln sich, deshalb paart der Test den Anteil jeder Frage vorher mit ihrem Anteil nachher und fragt, wie oft der Zufall (vorher und nachher vertauscht, Frage für Frage) eine ebenso große Änderung ergibt.</translation>
    </message>
</context>
<context>
    <name>JudgeWords</name>
    <message>
        <source>answers that mention “{word}”</source>
        <translation>Antworten, die „{word}“ nennen</translation>
    </message>
    <message numerus="yes">
        <source>answers of %n token(s) or fewer</source>
        <translation>
            <numerusform>Antworten mit höchstens %n Token</numerusform>
            <numerusform>Antworten mit höchstens %n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answers longer than %n token(s)</source>
        <translation>
            <numerusform>Antworten mit mehr als %n Token</numerusform>
            <numerusform>Antworten mit mehr als %n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>the opposite of: {judge}</source>
        <translation>das Gegenteil von: {judge}</translation>
    </message>
    <message>
        <source>always prefers answers that mention “{word}”</source>
        <translation>bevorzugt immer Antworten, die „{word}“ nennen</translation>
    </message>
    <message>
        <source>always prefers the shorter answer</source>
        <translation>bevorzugt immer die kürzere Antwort</translation>
    </message>
    <message>
        <source>always prefers the longer answer</source>
        <translation>bevorzugt immer die längere Antwort</translation>
    </message>
    <message>
        <source>picks at random</source>
        <translation>wählt zufällig</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>{rounds} random sign patterns, seed {seed}</source>
        <translation>{rounds} zufällige Vorzeichenmuster, Seed {seed}</translation>
    </message>
    <message numerus="yes">
        <source>paired sign-flip permutation test over %n held-out prompt(s) ({how})</source>
        <translation>
            <numerusform>gepaarter Vorzeichen-Permutationstest über %n zurückgehaltene Frage ({how})</numerusform>
            <numerusform>gepaarter Vorzeichen-Permutationstest über %n zurückgehaltene Fragen ({how})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>Press “Compare”.</source>
        <translation>„Vergleichen“ drücken.</translation>
    </message>
    <message>
        <source>Where this model comes from: {origin}</source>
        <translation>Woher dieses Modell stammt: {origin}</translation>
    </message>
    <message>
        <source>Aligned (shipped example)</source>
        <translation>Ausgerichtet (ausgeliefertes Beispiel)</translation>
    </message>
    <message>
        <source>Aligned (your judgements)</source>
        <translation>Ausgerichtet (Ihre Urteile)</translation>
    </message>
    <message>
        <source>No model for this stage yet.</source>
        <translation>Für diese Stufe gibt es noch kein Modell.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>&lt;b&gt;It wrote:&lt;/b&gt; {answer}</source>
        <translation>&lt;b&gt;Es schrieb:&lt;/b&gt; {answer}</translation>
    </message>
</context>
<context>
    <name>StripTab</name>
    <message>
        <source>The question above, word for word, to the model at each stage: its guesses for the first word, and one answer.</source>
        <translation>Die Frage oben, Wort für Wort, an das Modell jeder Stufe: seine Vermutungen für das erste Wort und eine Antwort.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Ask the question above to all three models</source>
        <translation>Allen drei Modellen die Frage oben stellen</translation>
    </message>
    <message>
        <source>Pre-trained (continues text)</source>
        <translation>Vortrainiert (setzt Text fort)</translation>
    </message>
    <message>
        <source>Fine-tuned (answers)</source>
        <translation>Feinabgestimmt (antwortet)</translation>
    </message>
    <message>
        <source>Aligned</source>
        <translation>Ausgerichtet</translation>
    </message>
</context>
</TS>
