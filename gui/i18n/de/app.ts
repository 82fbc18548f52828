<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
</TS>
