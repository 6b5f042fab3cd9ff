{{#train}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}
{{#wide}}

{{/wide}}

{{{text}}}
{{/blocks}}
{{/train}}
