// Run at the top of <body>, before it is drawn: tells GOV.UK Frontend's styles that scripts run and whether the
// browser supports its components. A file, not inline script, so the Content-Security-Policy can forbid inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
