using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// A path and its declared parameters that disagree: a <c>{name}</c> the document does not declare got no value (the
/// operation was invalid, CT0106), and a declared path parameter the path does not name went into params:, which a pack
/// refuses (CT0102: it would not be sent).
/// </summary>
public sealed class ImportPathParameterTests
{
    [Test]
    public async Task Import_PathAndDeclaredParametersDisagree_ValueDraftedStrayLeftOutWithNotes()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "paths", """
            {"openapi":"3.0.3","info":{"title":"Paths","version":"1"},"paths":{"/orders/{orderId}/items/{itemId}":{"get":{"operationId":"getItem",
              "parameters":[{"name":"itemId","in":"path","required":true,"schema":{"type":"integer"}},{"name":"shopId","in":"path","required":true,"schema":{"type":"integer"}}],
              "responses":{"200":{"description":"ok"},"404":{"description":"no"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(apiYaml, Does.Contain("params: {\"orderId\":\"${order_id}\",\"itemId\":\"${item_id}\"}"));
            Assert.That(apiYaml, Does.Contain("  order_id: \"1\""));
            Assert.That(apiYaml, Does.Not.Contain("shopId"));
            Assert.That(output, Does.Contain("note: get_item: /orders/{orderId}/items/{itemId} names {orderId}, which the document does not declare as a path parameter; drafted as \"1\": check it.\n"));
            Assert.That(output, Does.Contain("note: get_item: path parameter 'shopId' is declared but /orders/{orderId}/items/{itemId} does not name it; left out of params.\n"));
        });
    }

    [Test]
    public async Task Import_ObjectQueryParameter_DraftedAsJsonTextWithANote()
    {
        // A deepObject filter (filter[status]=open) has no place in a pack's query, which holds one value per name.
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportInlineAsync(folder, "objects", """
            {"openapi":"3.0.3","info":{"title":"Objects","version":"1"},"paths":{"/orders":{"get":{"operationId":"listOrders",
              "parameters":[{"name":"filter","in":"query","required":true,"style":"deepObject","schema":{"type":"object","required":["status"],"properties":{"status":{"type":"string","example":"open"}}}}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Contain("note: query parameter 'filter' of list_orders is an object (style deepobject), which a pack's query sends as one value: drafted as its JSON text {\"status\":\"open\"}, which the API may not read: write the fields it takes as query keys by hand\n"));
        });
    }
}
