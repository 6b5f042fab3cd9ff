{{#train}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}


{{{.}}}
{{/blocks}}
{{/train}}
