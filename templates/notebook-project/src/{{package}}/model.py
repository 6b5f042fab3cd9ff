{{#model}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}
{{#wide}}

{{/wide}}

{{{text}}}
{{/blocks}}
{{/model}}
