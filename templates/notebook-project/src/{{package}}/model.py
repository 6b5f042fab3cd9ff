{{#model}}
{{{docstring}}}
{{#imports}}
{{{.}}}
{{/imports}}
{{#blocks}}


{{{.}}}
{{/blocks}}
{{/model}}
