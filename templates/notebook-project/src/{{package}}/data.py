{{#data}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}
{{#wide}}

{{/wide}}

{{{text}}}
{{/blocks}}
{{/data}}
