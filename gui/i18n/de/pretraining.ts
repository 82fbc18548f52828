<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Cleaning</name>
    <message>
        <source>Exact duplicates</source>
        <translation>Exakte Duplikate</translation>
    </message>
    <message>
        <source>The same text appearing more than once. Only the first copy is kept, so the model does not learn it twice as hard.</source>
        <translation>Derselbe Text kommt mehrmals vor. Nur die erste Kopie bleibt, damit das Modell ihn nicht doppelt so stark lernt.</translation>
    </message>
    <message>
        <source>Near duplicates</source>
        <translation>Beinahe-Duplikate</translation>
    </message>
    <message>
        <source>Texts that repeat an earlier one with small changes (a word added, different punctuation). Found by comparing three-word phrases (MinHash).</source>
        <translation>Texte, die einen früheren mit kleinen Änderungen wiederholen (ein Wort mehr, andere Satzzeichen). Gefunden durch den Vergleich von Drei-Wort-Folgen (MinHash).</translation>
    </message>
    <message>
        <source>Too short or too long</source>
        <translation>Zu kurz oder zu lang</translation>
    </message>
    <message>
        <source>Replies of fewer than {min} words (&quot;lol&quot;, &quot;+1&quot;) and walls of more than {max} words.</source>
        <translation>Antworten mit weniger als {min} Wörtern („lol“, „+1“) und Textwände mit mehr als {max} Wörtern.</translation>
    </message>
    <message>
        <source>Low quality</source>
        <translation>Geringe Qualität</translation>
    </message>
    <message>
        <source>Texts made mostly of symbols, mostly in CAPITALS (shouting), or with stretched characters like &quot;!!!!!!&quot;.</source>
        <translation>Texte, die vor allem aus Symbolen bestehen, fast nur aus GROSSBUCHSTABEN (Schreien) oder mit gedehnten Zeichen wie „!!!!!!“.</translation>
    </message>
    <message>
        <source>Blocklist</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>Texts containing insults from a list of words that should not be learned (a blocklist).</source>
        <translation>Texte mit Beleidigungen aus einer Liste von Wörtern, die nicht gelernt werden sollen (eine Sperrliste).</translation>
    </message>
    <message>
        <source>Gibberish</source>
        <translation>Kauderwelsch</translation>
    </message>
    <message>
        <source>Keyboard mash such as &quot;asdkjh qwpoeiru&quot;: words with no vowels or letter combinations that English does not use.</source>
        <translation>Tastaturgehämmer wie „asdkjh qwpoeiru“: Wörter ohne Vokale oder mit Buchstabenfolgen, die es im Englischen nicht gibt.</translation>
    </message>
    <message>
        <source>Spam and links</source>
        <translation>Spam und Links</translation>
    </message>
    <message>
        <source>Advertising and links to websites (http://, www.).</source>
        <translation>Werbung und Links auf Websites (http://, www.).</translation>
    </message>
    <message>
        <source>Byte-order marks and line ends</source>
        <translation>Byte-Order-Marks und Zeilenenden</translation>
    </message>
    <message>
        <source>{files} files start with an invisible byte-order mark (U+FEFF) and most end every line with a Windows carriage return (CR LF). Both are removed so that &quot;sea&quot; at the start of a file or the end of a line is the same token as anywhere else.</source>
        <translation>{files} Dateien beginnen mit einem unsichtbaren Byte-Order-Mark (U+FEFF), und die meisten beenden jede Zeile mit einem Wagenrücklauf (CR LF). Beides wird entfernt, damit „sea“ am Anfang einer Datei oder am Ende einer Zeile dasselbe Token ist wie überall sonst.</translation>
    </message>
    <message>
        <source>Project Gutenberg header, footer and licence</source>
        <translation>Kopf, Fuß und Lizenz von Project Gutenberg</translation>
    </message>
    <message>
        <source>Every file carries Project Gutenberg&apos;s header, start and end markers and licence, in three styles: {styles}. They are cut, with the volunteers&apos; credits inside the text, so the model never reads a licence.</source>
        <translation>Jede Datei trägt den Kopf von Project Gutenberg, Start- und Endmarken und die Lizenz, in drei Varianten: „{styles}“. Sie werden abgeschnitten, ebenso die Danksagungen an die Freiwilligen im Text, sodass das Modell nie eine Lizenz liest.</translation>
    </message>
    <message>
        <source>Contents, title pages and cast lists</source>
        <translation>Inhaltsverzeichnisse, Titelseiten und Personenverzeichnisse</translation>
    </message>
    <message>
        <source>Tables of contents, &quot;by ...&quot; lines and lists of characters: lists, not prose.</source>
        <translation>Inhaltsverzeichnisse, „by …“-Zeilen und Listen der Figuren: Listen, keine Prosa.</translation>
    </message>
    <message>
        <source>Chapter, act and scene headings</source>
        <translation>Kapitel-, Akt- und Szenenüberschriften</translation>
    </message>
    <message>
        <source>Headings such as &quot;CHAPTER 1. Loomings.&quot; or &quot;ACT I. SCENE II.&quot; are not sentences. Each paragraph keeps the name of its chapter, so whole chapters can be held out.</source>
        <translation>Überschriften wie „CHAPTER 1. Loomings.“ oder „ACT I. SCENE II.“ sind keine Sätze. Jeder Absatz behält den Namen seines Kapitels, sodass ganze Kapitel zurückgehalten werden können.</translation>
    </message>
    <message>
        <source>Illustrations and footnotes</source>
        <translation>Illustrationen und Fußnoten</translation>
    </message>
    <message>
        <source>&quot;[Illustration]&quot; placeholders for pictures that are not there, footnotes and their marks (&quot;[1]&quot;), and the underscores that mark _italics_ in plain text.</source>
        <translation>„[Illustration]“-Platzhalter für Bilder, die nicht da sind, Fußnoten und ihre Zeichen („[1]“) und die Unterstriche, die im reinen Text _Kursivschrift_ markieren.</translation>
    </message>
    <message>
        <source>Hard line wraps joined</source>
        <translation>Harte Zeilenumbrüche verbunden</translation>
    </message>
    <message>
        <source>The files break lines at about 70 characters, mid-sentence. Lines of one paragraph are joined (⏎ marks a removed break), so a line break means a new paragraph.</source>
        <translation>Die Dateien brechen Zeilen nach etwa 70 Zeichen um, mitten im Satz. Die Zeilen eines Absatzes werden verbunden (⏎ markiert einen entfernten Umbruch), sodass ein Zeilenumbruch einen neuen Absatz bedeutet.</translation>
    </message>
    <message>
        <source>Paragraphs of {words} words or more that appear again word for word; only the first copy is kept.</source>
        <translation>Absätze ab {words} Wörtern, die Wort für Wort noch einmal vorkommen; nur die erste Kopie bleibt.</translation>
    </message>
    <message>
        <source>Paragraphs that repeat an earlier one with small changes (found by comparing three-word phrases, MinHash).</source>
        <translation>Absätze, die einen früheren mit kleinen Änderungen wiederholen (gefunden durch den Vergleich von Drei-Wort-Folgen, MinHash).</translation>
    </message>
    <message>
        <source>Not English, or not words</source>
        <translation>Kein Englisch oder keine Wörter</translation>
    </message>
    <message>
        <source>Passages in another language or script (Hebrew and Greek in Moby-Dick, German songs in Andersen) and lines with hardly any letters (&quot;* * * * *&quot;, tables of figures).</source>
        <translation>Passagen in einer anderen Sprache oder Schrift (Hebräisch und Griechisch in Moby-Dick, deutsche Lieder bei Andersen) und Zeilen mit kaum Buchstaben („* * * * *“, Zahlentabellen).</translation>
    </message>
    <message>
        <source>Blocklist: period slurs</source>
        <translation>Sperrliste: Schimpfwörter der Zeit</translation>
    </message>
    <message>
        <source>These books use the racial slurs of their time. A model repeats what it reads, so real pipelines drop every paragraph with a word from a blocklist, at the price of also dropping passages that discuss the people named. The words are masked here.</source>
        <translation>Diese Bücher verwenden die rassistischen Schimpfwörter ihrer Zeit. Ein Modell wiederholt, was es liest; darum verwerfen echte Pipelines jeden Absatz mit einem Wort aus einer Sperrliste, um den Preis, dass auch Passagen über die so bezeichneten Menschen wegfallen. Die Wörter sind hier maskiert.</translation>
    </message>
    <message>
        <source>Paragraphs are grouped into documents of up to about {words} words within one chapter. A document of fewer than {min} words (a stray line) or more than {max} is dropped.</source>
        <translation>Absätze werden innerhalb eines Kapitels zu Dokumenten von bis zu etwa {words} Wörtern zusammengefasst. Ein Dokument mit weniger als {min} Wörtern (eine verirrte Zeile) oder mehr als {max} wird verworfen.</translation>
    </message>
</context>
<context>
    <name>CleaningCounts</name>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln Dokument</numerusform>
            <numerusform>%Ln Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paragraphs</source>
        <translation>
            <numerusform>%Ln Absatz</numerusform>
            <numerusform>%Ln Absätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>%Ln Block</numerusform>
            <numerusform>%Ln Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln headings</source>
        <translation>
            <numerusform>%Ln Überschrift</numerusform>
            <numerusform>%Ln Überschriften</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln markers</source>
        <translation>
            <numerusform>%Ln Markierung</numerusform>
            <numerusform>%Ln Markierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line breaks</source>
        <translation>
            <numerusform>%Ln Zeilenumbruch</numerusform>
            <numerusform>%Ln Zeilenumbrüche</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} und {last}</translation>
    </message>
</context>
<context>
    <name>CleaningView</name>
    <message>
        <source>Cleaning (curation)</source>
        <translation>Bereinigung (Kuratierung)</translation>
    </message>
    <message>
        <source>Click a step to see what it removed</source>
        <translation>Auf einen Schritt klicken, um zu sehen, was er entfernt hat</translation>
    </message>
    <message>
        <source>Cleaning steps</source>
        <translation>Bereinigungsschritte</translation>
    </message>
    <message numerus="yes">
        <source>%n steps from raw book files to {documents} documents. Click a step to see what it threw away.</source>
        <translation>
            <numerusform>%n Schritt von den rohen Buchdateien zu {documents} Dokumenten. Klicken Sie auf einen Schritt, um zu sehen, was er verworfen hat.</numerusform>
            <numerusform>%n Schritte von den rohen Buchdateien zu {documents} Dokumenten. Klicken Sie auf einen Schritt, um zu sehen, was er verworfen hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>{before} documents in, {kept} kept. Click a step to see what it threw away.</source>
        <translation>{before} Dokumente hinein, {kept} behalten. Klicken Sie auf einen Schritt, um zu sehen, was er verworfen hat.</translation>
    </message>
    <message>
        <source>One cleaning step after another (a curation pipeline); each counts what it removed.</source>
        <translation>Ein Bereinigungsschritt nach dem anderen (eine Kuratierungs-Pipeline); jeder zählt, was er entfernt hat.</translation>
    </message>
    <message>
        <source>{number}. {step} — {count} removed</source>
        <translation>{number}. {step} — {count} entfernt</translation>
    </message>
    <message>
        <source>{count} removed</source>
        <translation>{count} entfernt</translation>
    </message>
    <message>
        <source> ({before} documents in, {after} out)</source>
        <translation> ({before} Dokumente hinein, {after} heraus)</translation>
    </message>
    <message>
        <source> ({before} paragraphs in, {after} out)</source>
        <translation> ({before} Absätze hinein, {after} heraus)</translation>
    </message>
    <message>
        <source>Removed, for example:</source>
        <translation>Entfernt, zum Beispiel:</translation>
    </message>
    <message>
        <source>Nothing to remove in this mix.</source>
        <translation>In dieser Mischung gibt es hier nichts zu entfernen.</translation>
    </message>
</context>
<context>
    <name>CorpusChooser</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This corpus is made up.&lt;/b&gt; A small program writes it from sentence templates with slots. Each slot is filled at random from a table of words, so every word of a table turns up in exactly the same places. A model trained on it puts those words close together: &lt;i&gt;words that fill the same slots end up close&lt;/i&gt;. That is a true lesson about this generator, not a discovery about English; the library of real books is where the model has to find such things for itself.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dieses Korpus ist ausgedacht.&lt;/b&gt; Ein kleines Programm schreibt es aus Satzvorlagen mit Lücken. Jede Lücke wird zufällig aus einer Wörtertabelle gefüllt, also taucht jedes Wort einer Tabelle an genau denselben Stellen auf. Ein darauf trainiertes Modell legt diese Wörter nah zusammen: &lt;i&gt;Wörter, die dieselben Lücken füllen, landen nah beieinander&lt;/i&gt;. Das ist eine wahre Lektion über diesen Generator, keine Entdeckung über das Englische; in der Bibliothek echter Bücher muss das Modell so etwas selbst finden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Some templates&lt;/b&gt; (a word in braces is a slot):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Einige Vorlagen&lt;/b&gt; (ein Wort in geschweiften Klammern ist eine Lücke):&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Slot tables&lt;/b&gt; (how often each word is drawn):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Lückentabellen&lt;/b&gt; (wie oft jedes Wort gezogen wird):&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;“sea” and “waters” are drawn from the same table at the same rate: that, and nothing the model discovered, is why they end up side by side.&lt;/p&gt;</source>
        <translation>&lt;p&gt;„sea“ und „waters“ werden aus derselben Tabelle gleich oft gezogen: Das, und nichts, was das Modell entdeckt hätte, ist der Grund, warum sie nebeneinander landen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The library&lt;/b&gt;: 18 public-domain books from Project Gutenberg (www.gutenberg.org), shipped as Project Gutenberg distributes them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Bibliothek&lt;/b&gt;: 18 gemeinfreie Bücher von Project Gutenberg (www.gutenberg.org), so mitgeliefert, wie Project Gutenberg sie verbreitet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Ebook</source>
        <translation>E-Book</translation>
    </message>
    <message>
        <source>About the books</source>
        <translation>Über die Bücher</translation>
    </message>
    <message>
        <source>How the made-up world is generated</source>
        <translation>Wie die ausgedachte Welt erzeugt wird</translation>
    </message>
    <message>
        <source>Corpus:</source>
        <translation>Korpus:</translation>
    </message>
    <message>
        <source>The text the model learns from: real books, or a small made-up world generated from templates</source>
        <translation>Der Text, aus dem das Modell lernt: echte Bücher oder eine kleine ausgedachte Welt, aus Vorlagen erzeugt</translation>
    </message>
    <message>
        <source>How it is made…</source>
        <translation>Wie sie entsteht …</translation>
    </message>
    <message>
        <source>The templates and word tables that write the made-up world</source>
        <translation>Die Vorlagen und Wörtertabellen, die die ausgedachte Welt schreiben</translation>
    </message>
    <message>
        <source>Real books, cleaned below step by step.</source>
        <translation>Echte Bücher, unten Schritt für Schritt bereinigt.</translation>
    </message>
    <message>
        <source>Generated from templates: every word&apos;s neighbours come from the tables that write it (see “How it is made”).</source>
        <translation>Aus Vorlagen erzeugt: Die Nachbarn jedes Wortes stammen aus den Tabellen, die es schreiben (siehe „Wie sie entsteht“).</translation>
    </message>
    <message>
        <source>Loading and cleaning the corpus…</source>
        <translation>Korpus wird geladen und bereinigt …</translation>
    </message>
</context>
<context>
    <name>DataMixControls</name>
    <message>
        <source>Give at least one source a share above 0 %: the model needs text.</source>
        <translation>Geben Sie mindestens einer Quelle einen Anteil über 0 %: Das Modell braucht Text.</translation>
    </message>
    <message>
        <source>Mixing and cleaning the text…</source>
        <translation>Text wird gemischt und bereinigt …</translation>
    </message>
    <message>
        <source>Training a new model on this mix: watch it learn in step 3, “Windows”.</source>
        <translation>Ein neues Modell wird auf dieser Mischung trainiert: In Schritt 3, „Fenster“, sehen Sie es lernen.</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Data — what the model reads (the training corpus)</source>
        <translation>Daten – was das Modell liest (das Trainingskorpus)</translation>
    </message>
    <message>
        <source>A model knows only what it reads: choose how much of each kind of text goes in.</source>
        <translation>Ein Modell weiß nur, was es liest: Wählen Sie, wie viel von jeder Textart hineinkommt.</translation>
    </message>
    <message>
        <source>Reading the sources…</source>
        <translation>Quellen werden gelesen …</translation>
    </message>
    <message>
        <source>Sources and mix</source>
        <translation>Quellen und Mischung</translation>
    </message>
    <message>
        <source>Ready-made mixes: pick one and it is applied at once</source>
        <translation>Fertige Mischungen: Wählen Sie eine, sie wird sofort übernommen</translation>
    </message>
    <message>
        <source>Ready-made mixes</source>
        <translation>Fertige Mischungen</translation>
    </message>
    <message>
        <source>Add your own text…</source>
        <translation>Eigenen Text hinzufügen …</translation>
    </message>
    <message>
        <source>Load .txt or .md files (or a whole folder) into the corpus</source>
        <translation>.txt- oder .md-Dateien (oder einen ganzen Ordner) ins Korpus laden</translation>
    </message>
    <message>
        <source>Choose files (.txt, .md)…</source>
        <translation>Dateien wählen (.txt, .md) …</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Ordner wählen …</translation>
    </message>
    <message>
        <source>Press “Read” beside a source to see a sample of it.</source>
        <translation>Klicken Sie neben einer Quelle auf „Lesen“, um eine Stichprobe zu sehen.</translation>
    </message>
    <message>
        <source>Sample of the chosen source</source>
        <translation>Stichprobe der gewählten Quelle</translation>
    </message>
    <message numerus="yes">
        <source>Added: {names} and %n more</source>
        <translation>
            <numerusform>Hinzugefügt: {names} und %n weitere</numerusform>
            <numerusform>Hinzugefügt: {names} und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Added: {names}</source>
        <translation>Hinzugefügt: {names}</translation>
    </message>
    <message>
        <source>.txt or .md files, or a folder</source>
        <translation>.txt- oder .md-Dateien oder ein Ordner</translation>
    </message>
    <message>
        <source>Your text could not be added</source>
        <translation>Ihr Text konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>{message}

Nothing was changed: the training data is as it was.</source>
        <translation>{message}

Nichts wurde geändert: Die Trainingsdaten sind wie zuvor.</translation>
    </message>
    <message>
        <source>Preparing the data… (mixing and cleaning)</source>
        <translation>Daten werden vorbereitet … (mischen und bereinigen)</translation>
    </message>
    <message>
        <source>Reading your text…</source>
        <translation>Ihr Text wird gelesen …</translation>
    </message>
    <message>
        <source>Add your own text</source>
        <translation>Eigenen Text hinzufügen</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>Textdateien (*.txt *.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a folder of .txt and .md files</source>
        <translation>Einen Ordner mit .txt- und .md-Dateien hinzufügen</translation>
    </message>
    <message>
        <source>A sample of {source}</source>
        <translation>Eine Stichprobe aus {source}</translation>
    </message>
    <message>
        <source>Ready-made mixes…</source>
        <translation>Fertige Mischungen …</translation>
    </message>
    <message>
        <source>The usual mix (default)</source>
        <translation>Die übliche Mischung (Standard)</translation>
    </message>
    <message>
        <source>Everything equally</source>
        <translation>Alles zu gleichen Teilen</translation>
    </message>
    <message>
        <source>Only {source}</source>
        <translation>Nur {source}</translation>
    </message>
</context>
<context>
    <name>EmbeddingsPanel</name>
    <message>
        <source>Showing: UMAP</source>
        <translation>Anzeige: UMAP</translation>
    </message>
    <message>
        <source>Showing: PCA (quick)</source>
        <translation>Anzeige: PCA (schnell)</translation>
    </message>
    <message>
        <source>Three Pillars: word map</source>
        <translation>Three Pillars: Wortkarte</translation>
    </message>
    <message>
        <source>A map of the model&apos;s word embeddings, from Three Pillars.</source>
        <translation>Eine Karte der Worteinbettungen des Modells, aus Three Pillars.</translation>
    </message>
    <message>
        <source>Save the map</source>
        <translation>Karte speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Could not save the picture: {reason}</source>
        <translation>Das Bild konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Embeddings: a map of meaning</source>
        <translation>Einbettungen: eine Landkarte der Bedeutung</translation>
    </message>
    <message>
        <source>The model keeps a list of numbers for every word (its &lt;b&gt;embedding&lt;/b&gt;). Words used in the same places get similar lists, so on this flat map of them (a projection to 2-D) they land close together.</source>
        <translation>Das Modell führt für jedes Wort eine Liste von Zahlen (seine &lt;b&gt;Einbettung&lt;/b&gt;). Wörter, die an denselben Stellen vorkommen, bekommen ähnliche Listen; auf dieser flachen Karte davon (einer Projektion in 2‑D) landen sie deshalb nah beieinander.</translation>
    </message>
    <message>
        <source>The detailed map (UMAP) is getting ready; this is the quick one (PCA) meanwhile.</source>
        <translation>Die genaue Karte (UMAP) wird vorbereitet; bis dahin sehen Sie die schnelle (PCA).</translation>
    </message>
    <message>
        <source>The detailed map (UMAP) is not available; this is the quick one (PCA).</source>
        <translation>Die genaue Karte (UMAP) ist nicht verfügbar; das ist die schnelle (PCA).</translation>
    </message>
    <message>
        <source>Drawing the detailed map (UMAP)…</source>
        <translation>Die genaue Karte (UMAP) wird gezeichnet …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln words · hover a point for its nearest words, click it to find it</source>
        <translation>
            <numerusform>%Ln Wort · Maus auf einen Punkt: seine nächsten Wörter; Klick: ihn suchen</numerusform>
            <numerusform>%Ln Wörter · Maus auf einen Punkt: seine nächsten Wörter; Klick: ihn suchen</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: {thousands} k tokens read</source>
        <translation>Jetzt: {thousands} Tsd. Tokens gelesen</translation>
    </message>
    <message>
        <source>Back then: {thousands} k tokens read</source>
        <translation>Damals: {thousands} Tsd. Tokens gelesen</translation>
    </message>
    <message>
        <source> · step {step}</source>
        <translation> · Schritt {step}</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>group: {group}</source>
        <translation>Gruppe: {group}</translation>
    </message>
    <message>
        <source>nearest (cosine): {words}</source>
        <translation>am nächsten (Kosinus): {words}</translation>
    </message>
    <message>
        <source>While the shipped model was built: step {step} · {thousands} k tokens read</source>
        <translation>Beim Bau des mitgelieferten Modells: Schritt {step} · {thousands} Tsd. Tokens gelesen</translation>
    </message>
    <message>
        <source>Detailed maps (UMAP) of how the shipped model&apos;s map formed: {done} of {total} drawn so far, and the replay shows those. The quick map (PCA) replays every moment now.</source>
        <translation>Genaue Karten (UMAP) davon, wie die Karte des mitgelieferten Modells entstand: {done} von {total} bisher gezeichnet, und das Abspielen zeigt diese. Die schnelle Karte (PCA) spielt schon jetzt jeden Moment ab.</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>Training stopped: the loss stopped being a number (it blew up to infinity or NaN), usually because the learning rate is too high. The model was rolled back to its last good weights; lower the learning rate and continue.</source>
        <translation>Training angehalten: Der Verlust war keine Zahl mehr (er ist ins Unendliche oder zu NaN explodiert), meist weil die Lernrate zu hoch ist. Das Modell wurde auf seine letzten guten Gewichte zurückgesetzt; senken Sie die Lernrate und trainieren Sie weiter.</translation>
    </message>
    <message>
        <source>&quot;{word}&quot; is not a single token for this model: it is split into {pieces}. Neighbours are measured between whole tokens, so pick a more common word.</source>
        <translation>„{word}“ ist für dieses Modell kein einzelnes Token: Es wird in {pieces} zerlegt. Nachbarn werden zwischen ganzen Tokens gemessen; wählen Sie ein häufigeres Wort.</translation>
    </message>
    <message>
        <source>Type a word first.</source>
        <translation>Geben Sie zuerst ein Wort ein.</translation>
    </message>
</context>
<context>
    <name>HeldOut</name>
    <message>
        <source>Held out (never trained on): {chapters} whole chapters of {books} books (about 1 in {share}, fixed), for example {examples}, and every {every}th of the other documents.</source>
        <translation>Zurückgehalten (nie darauf trainiert): {chapters} ganze Kapitel aus {books} Büchern (etwa 1 von {share}, fest), zum Beispiel „{examples}“, und jedes {every}. der übrigen Dokumente.</translation>
    </message>
    <message>
        <source>Held out (never trained on): {chapters} whole chapters of {books} books (about 1 in {share}, fixed), for example {examples}.</source>
        <translation>Zurückgehalten (nie darauf trainiert): {chapters} ganze Kapitel aus {books} Büchern (etwa 1 von {share}, fest), zum Beispiel „{examples}“.</translation>
    </message>
    <message>
        <source>Held out (never trained on): every {every}th of the other documents.</source>
        <translation>Zurückgehalten (nie darauf trainiert): jedes {every}. der übrigen Dokumente.</translation>
    </message>
    <message>
        <source>Nothing is held out yet.</source>
        <translation>Noch ist nichts zurückgehalten.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>no group</source>
        <translation>keine Gruppe</translation>
    </message>
    <message>
        <source>Colours: words the books use alike, found by counting (no model):</source>
        <translation>Farben: Wörter, die die Bücher ähnlich verwenden, durch Zählen gefunden (ohne Modell):</translation>
    </message>
    <message>
        <source>Each colour is a group of words that occur among the same neighbouring words in the books, found by counting alone, not by the model. Where a colour stays together on the map, the model learned what the counts show; where it scatters, it did not.</source>
        <translation>Jede Farbe ist eine Gruppe von Wörtern, die in den Büchern zwischen denselben Nachbarwörtern stehen, allein durch Zählen gefunden, nicht vom Modell. Wo eine Farbe auf der Karte beisammen bleibt, hat das Modell gelernt, was die Zählung zeigt; wo sie sich verstreut, nicht.</translation>
    </message>
    <message>
        <source>Colours: the made-up generator&apos;s groups (words it swaps in the same sentences):</source>
        <translation>Farben: die Gruppen des Generators der ausgedachten Welt (Wörter, die er in dieselben Sätze einsetzt):</translation>
    </message>
    <message>
        <source>The made-up world is generated from templates whose slots are filled from these groups, so words of one group share their contexts by construction.</source>
        <translation>Die ausgedachte Welt wird aus Vorlagen erzeugt, deren Lücken aus diesen Gruppen gefüllt werden; Wörter einer Gruppe teilen ihre Umgebung also von vornherein.</translation>
    </message>
</context>
<context>
    <name>LookInsideDialog</name>
    <message>
        <source>Look inside the model</source>
        <translation>Blick ins Innere des Modells</translation>
    </message>
</context>
<context>
    <name>LookInsideView</name>
    <message>
        <source>previous token</source>
        <translation>vorheriges Token</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>erstes Token</translation>
    </message>
    <message>
        <source>itself</source>
        <translation>sich selbst</translation>
    </message>
    <message>
        <source>What each head looks at (attention)</source>
        <translation>Worauf jeder Kopf achtet</translation>
    </message>
    <message>
        <source>Each small square is one attention head: row = the token that looks, column = the earlier token it looks at, darker = more attention. Hover a token or a row to look from there; click a head to show it in the row of tokens.</source>
        <translation>Jedes kleine Quadrat ist ein Aufmerksamkeitskopf: Zeile = das Token, das schaut, Spalte = das frühere Token, auf das es schaut, dunkler = mehr Aufmerksamkeit. Mit der Maus auf ein Token oder eine Zeile zeigen, um von dort zu schauen; auf einen Kopf klicken, um ihn in der Token-Reihe zu zeigen.</translation>
    </message>
    <message>
        <source>The guess, layer by layer (logit lens)</source>
        <translation>Die Vorhersage, Schicht für Schicht (Logit-Linse)</translation>
    </message>
    <message>
        <source>Where the numbers live (parameters)</source>
        <translation>Wo die Zahlen wohnen (Parameter)</translation>
    </message>
    <message>
        <source>change over the last</source>
        <translation>Änderung in den letzten</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message numerus="yes">
        <source>{named} of %n heads put more than half their attention on one position (measured on {source})</source>
        <translation>
            <numerusform>{named} von %n Kopf richten mehr als die Hälfte ihrer Aufmerksamkeit auf eine Position (gemessen an {source})</numerusform>
            <numerusform>{named} von %n Köpfen richten mehr als die Hälfte ihrer Aufmerksamkeit auf eine Position (gemessen an {source})</numerusform>
        </translation>
    </message>
    <message>
        <source>layer {layer} head {head} {pattern} {share}%</source>
        <translation>Schicht {layer} Kopf {head} {pattern} {share} %</translation>
    </message>
    <message>
        <source>Click a part to see its numbers.</source>
        <translation>Auf einen Teil klicken, um seine Zahlen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source> — moved {percent}% in the last %Ln steps</source>
        <translation>
            <numerusform> — um {percent} % bewegt im letzten Schritt</numerusform>
            <numerusform> — um {percent} % bewegt in den letzten %Ln Schritten</numerusform>
        </translation>
    </message>
    <message>
        <source> — the same numbers as {part}</source>
        <translation> — dieselben Zahlen wie {part}</translation>
    </message>
    <message>
        <source> — not trained since this view opened</source>
        <translation> — nicht trainiert, seit diese Ansicht offen ist</translation>
    </message>
    <message>
        <source>Layer {layer}, head {head}: {pattern} — looking from “{token}”</source>
        <translation>Schicht {layer}, Kopf {head}: {pattern} — Blick von „{token}“</translation>
    </message>
    <message>
        <source>Layer {layer}, head {head} — looking from “{token}”</source>
        <translation>Schicht {layer}, Kopf {head} — Blick von „{token}“</translation>
    </message>
    <message>
        <source>What the model would guess after “{token}” if it stopped after each block. The last row is its real guess.</source>
        <translation>Was das Modell nach „{token}“ vorhersagen würde, wenn es nach jedem Block aufhörte. Die letzte Zeile ist seine echte Vorhersage.</translation>
    </message>
</context>
<context>
    <name>MapCard</name>
    <message>
        <source>Waiting for the model…</source>
        <translation>Warte auf das Modell …</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>Ganze Karte</translation>
    </message>
    <message>
        <source>Zoom out to every word again</source>
        <translation>Wieder herauszoomen, bis alle Wörter zu sehen sind</translation>
    </message>
</context>
<context>
    <name>ModelParts</name>
    <message>
        <source>Embeddings</source>
        <translation>Einbettungen</translation>
    </message>
    <message>
        <source>Block {number}</source>
        <translation>Block {number}</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
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
        <translation>MLP: wieder verschmälern</translation>
    </message>
    <message>
        <source>MLP: narrow back, offsets</source>
        <translation>MLP: wieder verschmälern, Verschiebungen</translation>
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
        <source>looks at the previous token</source>
        <translation>schaut auf das vorherige Token</translation>
    </message>
    <message>
        <source>looks at the first token</source>
        <translation>schaut auf das erste Token</translation>
    </message>
    <message>
        <source>looks at itself</source>
        <translation>schaut auf sich selbst</translation>
    </message>
    <message>
        <source>this window</source>
        <translation>diesem Fenster</translation>
    </message>
    <message>
        <source>real text</source>
        <translation>echtem Text</translation>
    </message>
</context>
<context>
    <name>NeighbourSide</name>
    <message>
        <source>find a word, e.g. king</source>
        <translation>Wort suchen, z. B. king</translation>
    </message>
    <message>
        <source>Type a word and press Enter: it is ringed on the map, with lines to its nearest words</source>
        <translation>Ein Wort eingeben und Enter drücken: Es wird auf der Karte eingekreist, mit Linien zu seinen nächsten Wörtern</translation>
    </message>
    <message>
        <source>Find a word on the map</source>
        <translation>Ein Wort auf der Karte suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>The article&apos;s example: {word} and {partners}</source>
        <translation>Das Beispiel aus dem Artikel: {word} und {partners}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Nearest words</source>
        <translation>Nächste Wörter</translation>
    </message>
    <message>
        <source>word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <source>likeness (cosine)</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <source>Cosine similarity: how nearly two words&apos; number lists point the same way</source>
        <translation>Kosinus-Ähnlichkeit: wie genau die Zahlenlisten zweier Wörter in dieselbe Richtung zeigen</translation>
    </message>
    <message>
        <source>Measured with all of each word&apos;s numbers, not on the flat map: {alike} = alike, 0 = unrelated.</source>
        <translation>Gemessen mit allen Zahlen jedes Wortes, nicht auf der flachen Karte: {alike} = gleich, 0 = ohne Bezug.</translation>
    </message>
    <message>
        <source>{word} (off the map)</source>
        <translation>{word} (nicht auf der Karte)</translation>
    </message>
    <message>
        <source>Nearest words to {word} (now)</source>
        <translation>Nächste Wörter zu {word} (jetzt)</translation>
    </message>
    <message>
        <source>Nearest words to {word} (back then)</source>
        <translation>Nächste Wörter zu {word} (damals)</translation>
    </message>
</context>
<context>
    <name>Neighbours</name>
    <message>
        <source>“{word}”</source>
        <translation>„{word}“</translation>
    </message>
    <message>
        <source>{partner} is neighbour #{rank} of {word} (cosine {cosine})</source>
        <translation>{partner} ist Nachbar Nr. {rank} von {word} (Kosinus {cosine})</translation>
    </message>
    <message>
        <source>{partner} is #{rank} ({cosine})</source>
        <translation>{partner} ist Nr. {rank} ({cosine})</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>{partner} is not among the {k} nearest words of {word}</source>
        <translation>{partner} ist nicht unter den {k} nächsten Wörtern von {word}</translation>
    </message>
    <message>
        <source>neither {partners} is among the {k} nearest words of {word}</source>
        <translation>weder {partners} ist unter den {k} nächsten Wörtern von {word}</translation>
    </message>
    <message>
        <source> nor </source>
        <translation> noch </translation>
    </message>
    <message>
        <source>{found}; {missing}</source>
        <translation>{found}; {missing}</translation>
    </message>
    <message>
        <source>The nearest word to {word} is {nearest} (cosine {cosine}).</source>
        <translation>Das nächste Wort zu {word} ist {nearest} (Kosinus {cosine}).</translation>
    </message>
    <message>
        <source>{word} is not on the map at this moment.</source>
        <translation>{word} ist in diesem Moment nicht auf der Karte.</translation>
    </message>
</context>
<context>
    <name>SourceRow</name>
    <message>
        <source>{millions} M</source>
        <translation>{millions} Mio.</translation>
    </message>
    <message>
        <source>{thousands} k</source>
        <translation>{thousands} Tsd.</translation>
    </message>
    <message>
        <source>share of {source} in the mix</source>
        <translation>Anteil von {source} an der Mischung</translation>
    </message>
    <message>
        <source>= {share} % of the text</source>
        <translation>= {share} % des Textes</translation>
    </message>
    <message>
        <source>&lt;b&gt;{weight} %&lt;/b&gt; of it</source>
        <translation>&lt;b&gt;{weight} %&lt;/b&gt; davon</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Show a sample of this source</source>
        <translation>Eine Stichprobe dieser Quelle zeigen</translation>
    </message>
    <message>
        <source>Read a sample of {source}</source>
        <translation>Eine Stichprobe aus {source} lesen</translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation>{count} Wörter</translation>
    </message>
    <message>
        <source>{documents} documents, {words} words.</source>
        <translation>{documents} Dokumente, {words} Wörter.</translation>
    </message>
    <message>
        <source>{weight} % of this source goes in (its weight in the mix); that is {share} % of all the training text (in words).</source>
        <translation>{weight} % dieser Quelle kommen hinein (ihr Gewicht in der Mischung); das sind {share} % des gesamten Trainingstextes (in Wörtern).</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>A library of real books (18 public-domain books from Project Gutenberg)</source>
        <translation>Eine Bibliothek echter Bücher (18 gemeinfreie Bücher von Project Gutenberg)</translation>
    </message>
    <message>
        <source>A made-up world (generated from templates; learns in 30 s)</source>
        <translation>Eine ausgedachte Welt (aus Vorlagen erzeugt; in 30 s gelernt)</translation>
    </message>
    <message>
        <source>Sea and voyages</source>
        <translation>Meer und Seereisen</translation>
    </message>
    <message>
        <source>Novels of ships, whaling and islands: long descriptive sentences, sailors&apos; talk.</source>
        <translation>Romane über Schiffe, Walfang und Inseln: lange beschreibende Sätze, Seemannssprache.</translation>
    </message>
    <message>
        <source>Fables and fairy tales</source>
        <translation>Fabeln und Märchen</translation>
    </message>
    <message>
        <source>Fables, fairy tales and animal stories: kings, queens, talking animals, &quot;once upon a time&quot;.</source>
        <translation>Fabeln, Märchen und Tiergeschichten: Könige, Königinnen, sprechende Tiere, „es war einmal“.</translation>
    </message>
    <message>
        <source>Natural history</source>
        <translation>Naturkunde</translation>
    </message>
    <message>
        <source>Darwin&apos;s travel journal and his book on evolution: careful, factual, full of species and places.</source>
        <translation>Darwins Reisetagebuch und sein Buch über die Evolution: sorgfältig, sachlich, voller Arten und Orte.</translation>
    </message>
    <message>
        <source>Shakespeare plays</source>
        <translation>Shakespeare-Stücke</translation>
    </message>
    <message>
        <source>Five plays: speeches headed by the speaker&apos;s name, verse, old words (thee, thou).</source>
        <translation>Fünf Stücke: Reden mit dem Namen des Sprechers davor, Verse, alte Wörter (thee, thou).</translation>
    </message>
    <message>
        <source>The books are in the public domain in the USA and come from Project Gutenberg (www.gutenberg.org). Each shipped file keeps the Project Gutenberg licence it carries; the cleaning step strips it, with every mention of Project Gutenberg, from the text the model reads.</source>
        <translation>Die Bücher sind in den USA gemeinfrei und stammen von Project Gutenberg (www.gutenberg.org). Jede mitgelieferte Datei behält die Lizenz von Project Gutenberg, die sie trägt; die Bereinigung entfernt sie, mit jeder Erwähnung von Project Gutenberg, aus dem Text, den das Modell liest.</translation>
    </message>
    <message>
        <source>Encyclopedia</source>
        <translation>Lexikon</translation>
    </message>
    <message>
        <source>Formal, factual articles about places, weather, animals and history. Long sentences, present tense, numbers and dates, no chatter.</source>
        <translation>Förmliche, sachliche Artikel über Orte, Wetter, Tiere und Geschichte. Lange Sätze, Präsens, Zahlen und Daten, kein Geplauder.</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>Geschichten</translation>
    </message>
    <message>
        <source>Short tales told in the past tense, with characters who talk to each other (&quot;I don&apos;t think so,&quot; said Mira).</source>
        <translation>Kurze Erzählungen in der Vergangenheitsform, mit Figuren, die miteinander reden („I don&apos;t think so,“ said Mira).</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Dated reports from towns along the coast, with quotes from the people involved.</source>
        <translation>Datierte Berichte aus Städten an der Küste, mit Zitaten der Beteiligten.</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Posts and replies from an online forum: typos, slang (lol, tbh), the odd SHOUTED word, spam links, copied posts and keyboard mash. Most of the noise is what cleaning (curation) is there to remove.</source>
        <translation>Beiträge und Antworten aus einem Online-Forum: Tippfehler, Slang (lol, tbh), hier und da ein GESCHRIENES Wort, Spam-Links, kopierte Beiträge und Tastaturgehämmer. Genau diesen Lärm soll die Bereinigung (Kuratierung) größtenteils entfernen.</translation>
    </message>
    <message>
        <source>Quiz sheets</source>
        <translation>Quizbögen</translation>
    </message>
    <message>
        <source>Lists of questions without their answers. A model that learns only from text like this carries on a question with more questions.</source>
        <translation>Listen von Fragen ohne ihre Antworten. Ein Modell, das nur aus solchem Text lernt, setzt eine Frage mit weiteren Fragen fort.</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <source>PCA (quick)</source>
        <translation>PCA (schnell)</translation>
    </message>
    <message>
        <source>▶ Replay training</source>
        <translation>▶ Abspielen</translation>
    </message>
    <message>
        <source>Watch the map form, from the first snapshot to now</source>
        <translation>Zusehen, wie die Karte entsteht, von der ersten Momentaufnahme bis jetzt</translation>
    </message>
    <message>
        <source>Drag to see the map at an earlier moment of training</source>
        <translation>Ziehen, um die Karte zu einem früheren Zeitpunkt des Trainings zu sehen</translation>
    </message>
    <message>
        <source>Moment of training shown on the map</source>
        <translation>Auf der Karte gezeigter Moment des Trainings</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Back to the model as it is now</source>
        <translation>Zurück zum Modell, wie es jetzt ist</translation>
    </message>
    <message>
        <source>Map style: {style}</source>
        <translation>Karte: {style}</translation>
    </message>
    <message>
        <source>UMAP keeps each word&apos;s closest words close on the map (it takes a moment to draw). PCA is a straight view from the angle that shows the most spread (instant).</source>
        <translation>UMAP hält die nächsten Wörter jedes Wortes auch auf der Karte nah (das Zeichnen dauert einen Moment). PCA ist ein gerader Blick aus dem Winkel, der die größte Streuung zeigt (sofort).</translation>
    </message>
    <message>
        <source>Map style</source>
        <translation>Kartenart</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Bild speichern …</translation>
    </message>
    <message>
        <source>Save the map as a PNG image or an SVG drawing</source>
        <translation>Die Karte als PNG-Bild oder SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <source>❚❚ Pause replay</source>
        <translation>❚❚ Anhalten</translation>
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message>
        <source>made-up words</source>
        <translation>Fantasiewörter</translation>
    </message>
    <message>
        <source>shared pieces (books)</source>
        <translation>geteilte Stücke</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Buchstaben</translation>
    </message>
    <message>
        <source>character-level</source>
        <translation>zeichenweise</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>word-level</source>
        <translation>wortweise</translation>
    </message>
    <message>
        <source>Word pieces</source>
        <translation>Wortstücke</translation>
    </message>
    <message>
        <source>subwords, BPE: what our model reads</source>
        <translation>Teilwörter, BPE: was unser Modell liest</translation>
    </message>
    <message>
        <source>(waiting for the tokenizers…)</source>
        <translation>(warte auf die Tokenizer …)</translation>
    </message>
    <message numerus="yes">
        <source>This tokenizer knows %Ln different tokens (its vocabulary).</source>
        <translation>
            <numerusform>Dieser Tokenizer kennt %Ln verschiedenes Token (sein Vokabular).</numerusform>
            <numerusform>Dieser Tokenizer kennt %Ln verschiedene Tokens (sein Vokabular).</numerusform>
        </translation>
    </message>
    <message>
        <source>Tokens — how text becomes numbers (tokenization)</source>
        <translation>Tokens – wie aus Text Zahlen werden (Tokenisierung)</translation>
    </message>
    <message>
        <source>A model never sees letters: text is cut into pieces (tokens), each with a number (id).</source>
        <translation>Ein Modell sieht nie Buchstaben: Text wird in Stücke (Tokens) geschnitten, jedes mit einer Nummer (ID).</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>Probieren:</translation>
    </message>
    <message>
        <source>Example: “{text}”</source>
        <translation>Beispiel: „{text}“</translation>
    </message>
    <message>
        <source>Type or paste any text here…</source>
        <translation>Beliebigen Text hier eintippen oder einfügen …</translation>
    </message>
    <message>
        <source>Text to cut into tokens</source>
        <translation>Text, der in Tokens geschnitten wird</translation>
    </message>
    <message>
        <source>Views of the text</source>
        <translation>Ansichten des Textes</translation>
    </message>
    <message>
        <source>Three ways to cut it (letters, words, word pieces)</source>
        <translation>Drei Arten zu schneiden (Buchstaben, Wörter, Stücke)</translation>
    </message>
    <message>
        <source>BPE starts from single letters (bytes) and keeps gluing the most frequent pair of the training text into one new token (a merge). Our tokenizer&apos;s real merges, in order, on your text:</source>
        <translation>BPE beginnt mit einzelnen Buchstaben (Bytes) und klebt immer wieder das häufigste Paar des Trainingstextes zu einem neuen Token zusammen (eine Verschmelzung). Die echten Verschmelzungen unseres Tokenizers, der Reihe nach, auf Ihrem Text:</translation>
    </message>
    <message>
        <source>Watch BPE learn its pieces (merge by merge)</source>
        <translation>BPE beim Lernen zusehen (Verschmelzungen)</translation>
    </message>
    <message>
        <source>(type some text above)</source>
        <translation>(oben Text eingeben)</translation>
    </message>
    <message numerus="yes">
        <source>{pieces} and %n more</source>
        <translation>
            <numerusform>{pieces} und %n weiteres</numerusform>
            <numerusform>{pieces} und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Never seen in the training text: {pieces}. A word tokenizer only knows the words it was built from (a closed vocabulary), so these dashed chips have no id (“?”, unknown).</source>
        <translation>Nie im Trainingstext gesehen: {pieces}. Ein Wort-Tokenizer kennt nur die Wörter, aus denen er gebaut wurde (ein geschlossenes Vokabular); darum haben diese gestrichelten Chips keine ID („?“, unbekannt).</translation>
    </message>
    <message>
        <source>Never seen in the training text: {pieces}. A character tokenizer only knows the characters it was built from (a closed vocabulary), so these dashed chips have no id (“?”, unknown).</source>
        <translation>Nie im Trainingstext gesehen: {pieces}. Ein Zeichen-Tokenizer kennt nur die Zeichen, aus denen er gebaut wurde (ein geschlossenes Vokabular); darum haben diese gestrichelten Chips keine ID („?“, unbekannt).</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln&lt;/b&gt; tokens · &lt;b&gt;{ratio}&lt;/b&gt; characters per token</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; Token · &lt;b&gt;{ratio}&lt;/b&gt; Zeichen pro Token</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; Tokens · &lt;b&gt;{ratio}&lt;/b&gt; Zeichen pro Token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingBox</name>
    <message>
        <source>Press “Train” to keep training this model, or “From scratch” to start again from random numbers.</source>
        <translation>Klicken Sie auf „Trainieren“, um dieses Modell weiterzutrainieren, oder auf „Von vorn“, um mit Zufallszahlen neu zu beginnen.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped: it blew up</source>
        <translation>Angehalten: explodiert</translation>
    </message>
    <message>
        <source>Training: mistakes going down</source>
        <translation>Training: Fehler werden weniger</translation>
    </message>
    <message>
        <source>&lt;b&gt;How the shipped model was trained:&lt;/b&gt; {steps} steps, {tokens} M tokens, {minutes} min (held-out loss {loss}).</source>
        <translation>&lt;b&gt;So wurde das mitgelieferte Modell trainiert:&lt;/b&gt; {steps} Schritte, {tokens} Mio. Tokens, {minutes} min (Verlust auf zurückgehaltenem Text {loss}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;How the shipped model was trained:&lt;/b&gt; {steps} steps, {tokens} M tokens (held-out loss {loss}).</source>
        <translation>&lt;b&gt;So wurde das mitgelieferte Modell trainiert:&lt;/b&gt; {steps} Schritte, {tokens} Mio. Tokens (Verlust auf zurückgehaltenem Text {loss}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;How the shipped model was trained:&lt;/b&gt; {steps} steps, {tokens} M tokens.</source>
        <translation>&lt;b&gt;So wurde das mitgelieferte Modell trainiert:&lt;/b&gt; {steps} Schritte, {tokens} Mio. Tokens.</translation>
    </message>
    <message>
        <source>Press “Train” to keep training it (the chart then shows your run), or “From scratch” to start again from random numbers.</source>
        <translation>Klicken Sie auf „Trainieren“, um es weiterzutrainieren (das Diagramm zeigt dann Ihren Lauf), oder auf „Von vorn“, um mit Zufallszahlen neu zu beginnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{state}&lt;/b&gt; · step {step} · mistakes (loss) {loss} · {speed} tokens/s · {seconds} s</source>
        <translation>&lt;b&gt;{state}&lt;/b&gt; · Schritt {step} · Fehler (Verlust) {loss} · {speed} Tokens/s · {seconds} s</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>tiny ({rate})</source>
        <translation>winzig ({rate})</translation>
    </message>
    <message>
        <source>small ({rate})</source>
        <translation>klein ({rate})</translation>
    </message>
    <message>
        <source>usual ({rate})</source>
        <translation>üblich ({rate})</translation>
    </message>
    <message>
        <source>big ({rate})</source>
        <translation>groß ({rate})</translation>
    </message>
    <message>
        <source>too big ({rate})</source>
        <translation>zu groß ({rate})</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ Trainieren</translation>
    </message>
    <message>
        <source>Keep training the current model (continue)</source>
        <translation>Das aktuelle Modell weitertrainieren (fortsetzen)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pause</translation>
    </message>
    <message>
        <source>One step</source>
        <translation>Ein Schritt</translation>
    </message>
    <message>
        <source>One training step: one small batch of windows</source>
        <translation>Ein Trainingsschritt: ein kleiner Stapel Fenster</translation>
    </message>
    <message>
        <source>From scratch</source>
        <translation>Von vorn</translation>
    </message>
    <message>
        <source>Forget everything: start from random numbers and train</source>
        <translation>Alles vergessen: mit Zufallszahlen beginnen und trainieren</translation>
    </message>
    <message>
        <source>The dice roll that picks the random starting numbers (seed)</source>
        <translation>Der Würfelwurf, der die zufälligen Startzahlen wählt (Seed)</translation>
    </message>
    <message>
        <source>Dice roll (seed):</source>
        <translation>Würfelwurf (Seed):</translation>
    </message>
    <message>
        <source>How big each nudge to the model&apos;s numbers is (learning rate)</source>
        <translation>Wie groß jeder Schubs an den Zahlen des Modells ist (Lernrate)</translation>
    </message>
    <message>
        <source>Nudge size (learning rate):</source>
        <translation>Schubsgröße (Lernrate):</translation>
    </message>
</context>
<context>
    <name>TrainingSetBar</name>
    <message>
        <source>Training set
(what it will read):</source>
        <translation>Trainingsmenge
(was es lesen wird):</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>tokens (BPE)</source>
        <translation>Tokens (BPE)</translation>
    </message>
    <message>
        <source>Apply mix and retrain</source>
        <translation>Übernehmen und neu trainieren</translation>
    </message>
    <message>
        <source>Use this mix and train a new model from scratch (pre-training starts over)</source>
        <translation>Diese Mischung verwenden und ein neues Modell von vorn trainieren (das Vortraining beginnt neu)</translation>
    </message>
</context>
<context>
    <name>WindowStepping</name>
    <message>
        <source>“{text}”</source>
        <translation>„{text}“</translation>
    </message>
    <message>
        <source>{number}.  {window}  →  (end of text: nothing left to guess)</source>
        <translation>{number}.  {window}  →  (Textende: nichts mehr vorherzusagen)</translation>
    </message>
    <message>
        <source>The text is shorter than the window: make the window smaller.</source>
        <translation>Der Text ist kürzer als das Fenster: Machen Sie das Fenster kleiner.</translation>
    </message>
    <message>
        <source>After {seen} the text ends.</source>
        <translation>Nach {seen} endet der Text.</translation>
    </message>
    <message>
        <source>After {seen} the real next word is &lt;b&gt;“{real}”&lt;/b&gt;.</source>
        <translation>Nach {seen} ist das echte nächste Wort &lt;b&gt;„{real}“&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>After {seen} the real next token is &lt;b&gt;“{real}”&lt;/b&gt;.</source>
        <translation>Nach {seen} ist das echte nächste Token &lt;b&gt;„{real}“&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The model reads it in pieces ({pieces}), so it must guess the first one.</source>
        <translation>Das Modell liest es in Stücken ({pieces}), also muss es das erste vorhersagen.</translation>
    </message>
    <message>
        <source>❚❚ Stop</source>
        <translation>❚❚ Stopp</translation>
    </message>
    <message>
        <source>▶ Slide</source>
        <translation>▶ Gleiten</translation>
    </message>
</context>
<context>
    <name>WindowsPanel</name>
    <message>
        <source>Windows: learning by guessing the next token</source>
        <translation>Fenster: Lernen durch Vorhersagen des nächsten Tokens</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The model reads a few tokens (the {window}) and guesses the next one (the {target}). Each wrong guess nudges its numbers a little: that is training.</source>
        <translation>Das Modell liest ein paar Tokens (das {window}) und sagt das nächste vorher (das {target}). Jede falsche Vorhersage schubst seine Zahlen ein wenig: Das ist Training.</translation>
    </message>
    <message>
        <source>New passage</source>
        <translation>Neue Passage</translation>
    </message>
    <message>
        <source>Another real piece of the training text</source>
        <translation>Ein anderes echtes Stück des Trainingstextes</translation>
    </message>
    <message>
        <source>The example sentence: “{sentence}”</source>
        <translation>Der Beispielsatz: „{sentence}“</translation>
    </message>
    <message>
        <source>Look inside…</source>
        <translation>Blick ins Innere …</translation>
    </message>
    <message>
        <source>What the model attends to, how its guess forms layer by layer, and where its numbers live</source>
        <translation>Worauf das Modell achtet, wie seine Vorhersage Schicht für Schicht entsteht und wo seine Zahlen wohnen</translation>
    </message>
    <message>
        <source>Here each word counts as one token, as in the article. The model itself reads word pieces (tokens), so it is asked for the first piece of the next word.</source>
        <translation>Hier zählt jedes Wort als ein Token, wie im Artikel. Das Modell selbst liest Wortstücke (Tokens), also wird es nach dem ersten Stück des nächsten Wortes gefragt.</translation>
    </message>
    <message>
        <source>Window size (k):</source>
        <translation>Fenstergröße (k):</translation>
    </message>
    <message>
        <source>How many tokens the model reads before it guesses</source>
        <translation>Wie viele Tokens das Modell liest, bevor es vorhersagt</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>▶ Slide</source>
        <translation>▶ Gleiten</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>Schritt ▶</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>How fast the window slides when playing</source>
        <translation>Wie schnell das Fenster beim Abspielen gleitet</translation>
    </message>
    <message>
        <source>Windows so far</source>
        <translation>Bisherige Fenster</translation>
    </message>
    <message>
        <source>Its guesses (probabilities)</source>
        <translation>Seine Vorhersagen (in %)</translation>
    </message>
</context>
<context>
    <name>WordGroups</name>
    <message>
        <source>sea &amp; water</source>
        <translation>Meer &amp; Wasser</translation>
    </message>
    <message>
        <source>land</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>weather</source>
        <translation>Wetter</translation>
    </message>
    <message>
        <source>royalty</source>
        <translation>Königshaus</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation>Obst</translation>
    </message>
    <message>
        <source>animals</source>
        <translation>Tiere</translation>
    </message>
    <message>
        <source>body &amp; aches</source>
        <translation>Körper &amp; Schmerzen</translation>
    </message>
    <message>
        <source>people</source>
        <translation>Menschen</translation>
    </message>
</context>
</TS>
