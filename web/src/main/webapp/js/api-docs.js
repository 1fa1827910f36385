// The integration API's description, drawn by Swagger UI from the document WildFly serves.
// A classic script (Swagger UI's bundle defines a global); "Try it out" sends the token the reader gives.
(function () {
  const root = document.getElementById('api-docs');
  globalThis.SwaggerUIBundle({
    url: new URL(root.dataset.document, document.baseURI).href,
    domNode: root,
    deepLinking: true,
    tryItOutEnabled: false,
  });
})();
