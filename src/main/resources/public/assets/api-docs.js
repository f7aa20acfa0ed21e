// Starts Swagger UI on /docs/api (ApiDescriptionController). A file of its own rather than an inline script, so
// that a Content-Security-Policy of script-src 'self' lets it run. Options: https://swagger.io/docs/open-source-tools/swagger-ui/usage/configuration/
(function () {
  'use strict';
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.dataset.url,
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    // no badge that would send the description to validator.swagger.io: nothing leaves this server
    validatorUrl: null
  });
}());
