<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CleaningCounts</name>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln documents</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paragraphs</source>
        <translation>
            <numerusform>%Ln paragraphs</numerusform>
            <numerusform>%Ln paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters</source>
        <translation>
            <numerusform>%Ln characters</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln lines</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>%Ln blocks</numerusform>
            <numerusform>%Ln blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln headings</source>
        <translation>
            <numerusform>%Ln headings</numerusform>
            <numerusform>%Ln headings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln markers</source>
        <translation>
            <numerusform>%Ln markers</numerusform>
            <numerusform>%Ln markers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line breaks</source>
        <translation>
            <numerusform>%Ln line breaks</numerusform>
            <numerusform>%Ln line breaks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleaningView</name>
    <message numerus="yes">
        <source>%n steps from raw book files to {documents} documents. Click a step to see what it threw away.</source>
        <translation>
            <numerusform>%n steps from raw book files to {documents} documents. Click a step to see what it threw away.</numerusform>
            <numerusform>%n steps from raw book files to {documents} documents. Click a step to see what it threw away.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message numerus="yes">
        <source>Added: {names} and %n more</source>
        <translation>
            <numerusform>Added: {names} and %n more</numerusform>
            <numerusform>Added: {names} and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmbeddingsPanel</name>
    <message numerus="yes">
        <source>%Ln words · hover a point for its nearest words, click it to find it</source>
        <translation>
            <numerusform>%Ln words · hover a point for its nearest words, click it to find it</numerusform>
            <numerusform>%Ln words · hover a point for its nearest words, click it to find it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LookInsideView</name>
    <message numerus="yes">
        <source>{named} of %n heads put more than half their attention on one position (measured on {source})</source>
        <translation>
            <numerusform>{named} of %n heads put more than half their attention on one position (measured on {source})</numerusform>
            <numerusform>{named} of %n heads put more than half their attention on one position (measured on {source})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — moved {percent}% in the last %Ln steps</source>
        <translation>
            <numerusform> — moved {percent}% in the last %Ln steps</numerusform>
            <numerusform> — moved {percent}% in the last %Ln steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message numerus="yes">
        <source>This tokenizer knows %Ln different tokens (its vocabulary).</source>
        <translation>
            <numerusform>This tokenizer knows %Ln different tokens (its vocabulary).</numerusform>
            <numerusform>This tokenizer knows %Ln different tokens (its vocabulary).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{pieces} and %n more</source>
        <translation>
            <numerusform>{pieces} and %n more</numerusform>
            <numerusform>{pieces} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln&lt;/b&gt; tokens · &lt;b&gt;{ratio}&lt;/b&gt; characters per token</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; tokens · &lt;b&gt;{ratio}&lt;/b&gt; characters per token</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; tokens · &lt;b&gt;{ratio}&lt;/b&gt; characters per token</numerusform>
        </translation>
    </message>
</context>
</TS>
