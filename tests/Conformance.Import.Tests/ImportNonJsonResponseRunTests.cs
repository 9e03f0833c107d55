using System.Text;

namespace Conformance.Import.Tests;

/// <summary>
/// Responses documented only in a media type that is not JSON (found by hand on 2026-12-02 with a Swagger 2.0 document
/// whose <c>produces</c> is <c>application/xml</c>): they got no body contract without a word, so a QA reader of the
/// draft could not tell a 404 checked for its status alone from one whose body the document leaves free.
/// </summary>
public sealed class ImportNonJsonResponseRunTests
{
    [Test]
    public async Task Import_ResponsesOnlyInXmlOrText_OneNoteListingThem()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await folder.ImportAsync("xml.yaml", Encoding.UTF8.GetBytes("""
            openapi: 3.0.3
            info: { title: X, version: "1" }
            paths:
              /pets/{id}:
                get:
                  operationId: getPet
                  parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
                  responses:
                    "200": { description: ok, content: { application/xml: { schema: { type: object } }, application/json: { schema: { type: object } } } }
                    "404": { description: nf, content: { application/xml: { schema: { type: object } }, text/plain: { schema: { type: string } } } }
                    "500": { description: down, content: { text/html: { schema: { type: string } } } }
              /pets/{id}/photo:
                get:
                  operationId: getPhoto
                  parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
                  responses:
                    "200": { description: ok, content: { application/octet-stream: { schema: { type: string, format: binary } } } }
            """));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Contain("note: 2 response(s) documented only in media types that are not JSON get no body contract (a pack's contracts are JSON Schemas of JSON bodies), "
                + "and their rows check the status alone: get_pet 404 (application/xml, text/plain), get_pet 500 (text/html); if the API answers JSON there too, document it in the response's content\n"));
        });
    }
}
