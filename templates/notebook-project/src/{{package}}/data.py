{{#data}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}


{{{.}}}
{{/blocks}}
{{/data}}
