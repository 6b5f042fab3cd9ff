{{#inference}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}
{{#wide}}

{{/wide}}

{{{text}}}
{{/blocks}}
{{/inference}}
