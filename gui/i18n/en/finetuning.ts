<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>EngineWords</name>
    <message numerus="yes">
        <source>this session: %n judgement(s)</source>
        <translation>
            <numerusform>this session: %n judgement</numerusform>
            <numerusform>this session: %n judgements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>shipped: %n click(s) of an automatic judge ({judge})</source>
        <translation>
            <numerusform>shipped: %n click of an automatic judge ({judge})</numerusform>
            <numerusform>shipped: %n clicks of an automatic judge ({judge})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaskTab</name>
    <message numerus="yes">
        <source>“{question}” becomes %n token(s) in the chat format; {learned} of them count in the loss. {how}</source>
        <translation>
            <numerusform>“{question}” becomes %n token in the chat format; {learned} of them count in the loss. {how}</numerusform>
            <numerusform>“{question}” becomes %n tokens in the chat format; {learned} of them count in the loss. {how}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairsTab</name>
    <message numerus="yes">
        <source>%n pair(s) to learn from and {heldout} kept for testing (held-out), from “{name}”. Double-click a cell to change it.</source>
        <translation>
            <numerusform>%n pair to learn from and {heldout} kept for testing (held-out), from “{name}”. Double-click a cell to change it.</numerusform>
            <numerusform>%n pairs to learn from and {heldout} kept for testing (held-out), from “{name}”. Double-click a cell to change it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RatesTab</name>
    <message numerus="yes">
        <source>%n test question(s) about subjects never used for training (held-out: {subjects}); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</source>
        <translation>
            <numerusform>%n test question about subjects never used for training (held-out: {subjects}); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</numerusform>
            <numerusform>%n test questions about subjects never used for training (held-out: {subjects}); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test question(s) about subjects never used for training (held-out); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</source>
        <translation>
            <numerusform>%n test question about subjects never used for training (held-out); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</numerusform>
            <numerusform>%n test questions about subjects never used for training (held-out); both models asked the same way, in the chat format, most likely token each time, both stop at &lt;end&gt;.</numerusform>
        </translation>
    </message>
</context>
</TS>
