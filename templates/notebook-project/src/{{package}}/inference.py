{{#inference}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}


{{{.}}}
{{/blocks}}
{{/inference}}
