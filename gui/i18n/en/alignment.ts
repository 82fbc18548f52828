<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChatPanel</name>
    <message numerus="yes">
        <source>Automatic judge ({judge}): %n click(s)</source>
        <translation>
            <numerusform>Automatic judge ({judge}): %n click</numerusform>
            <numerusform>Automatic judge ({judge}): %n clicks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These answers come from the model after %n update(s).</source>
        <translation>
            <numerusform>These answers come from the model after %n update.</numerusform>
            <numerusform>These answers come from the model after %n updates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedbackCard</name>
    <message numerus="yes">
        <source>%n token(s), stopped by itself</source>
        <translation>
            <numerusform>%n token, stopped by itself</numerusform>
            <numerusform>%n tokens, stopped by itself</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s), ran out of room, cut off</source>
        <translation>
            <numerusform>%n token, ran out of room, cut off</numerusform>
            <numerusform>%n tokens, ran out of room, cut off</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JudgeTab</name>
    <message numerus="yes">
        <source>Before: &lt;b&gt;{rate}&lt;/b&gt; of {trait} (on %n answer(s) to questions it never trained on). The judge is clicking…</source>
        <translation>
            <numerusform>Before: &lt;b&gt;{rate}&lt;/b&gt; of {trait} (on %n answer to questions it never trained on). The judge is clicking…</numerusform>
            <numerusform>Before: &lt;b&gt;{rate}&lt;/b&gt; of {trait} (on %n answers to questions it never trained on). The judge is clicking…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{trait}, on %n answer(s) to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks, {learned} of which changed the model (p = {p}: {verdict}).</source>
        <translation>
            <numerusform>{trait}, on %n answer to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks, {learned} of which changed the model (p = {p}: {verdict}).</numerusform>
            <numerusform>{trait}, on %n answers to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks, {learned} of which changed the model (p = {p}: {verdict}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{trait}, on %n answer(s) to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks (p = {p}: {verdict}).</source>
        <translation type="vanished">
            <numerusform>{trait}, on %n answer to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks (p = {p}: {verdict}).</numerusform>
            <numerusform>{trait}, on %n answers to questions it never trained on: &lt;b&gt;{before}&lt;/b&gt; before → &lt;b&gt;{after}&lt;/b&gt; after {clicks} clicks (p = {p}: {verdict}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JudgeWords</name>
    <message numerus="yes">
        <source>answers of %n token(s) or fewer</source>
        <translation>
            <numerusform>answers of %n token or fewer</numerusform>
            <numerusform>answers of %n tokens or fewer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answers longer than %n token(s)</source>
        <translation>
            <numerusform>answers longer than %n token</numerusform>
            <numerusform>answers longer than %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paired sign-flip permutation test over %n held-out prompt(s) ({how})</source>
        <translation>
            <numerusform>paired sign-flip permutation test over %n held-out prompt ({how})</numerusform>
            <numerusform>paired sign-flip permutation test over %n held-out prompts ({how})</numerusform>
        </translation>
    </message>
</context>
</TS>
