<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LossLabel</name>
    <message numerus="yes">
        <source>held-out answers, after %n judgement(s)</source>
        <translation>
            <numerusform>held-out answers, after %n judgement</numerusform>
            <numerusform>held-out answers, after %n judgements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message numerus="yes">
        <source>(%n earlier message(s))</source>
        <translation>
            <numerusform>(%n earlier message)</numerusform>
            <numerusform>(%n earlier messages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelStatusBar</name>
    <message numerus="yes">
        <source>Read: {count} token(s)</source>
        <translation>
            <numerusform>Read: {count} token</numerusform>
            <numerusform>Read: {count} tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} token(s)</source>
        <translation>
            <numerusform>{count} token</numerusform>
            <numerusform>{count} tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>aligned (%n judgements)</source>
        <translation>
            <numerusform>aligned (%n judgement)</numerusform>
            <numerusform>aligned (%n judgements)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message numerus="yes">
        <source>… and %Ln more token(s)</source>
        <translation>
            <numerusform>… and %Ln more token</numerusform>
            <numerusform>… and %Ln more tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkerRestart</name>
    <message numerus="yes">
        <source>%n preference update(s)</source>
        <translation>
            <numerusform>%n preference update</numerusform>
            <numerusform>%n preference updates</numerusform>
        </translation>
    </message>
</context>
</TS>
