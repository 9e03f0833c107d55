using Conformance.Pact.Export;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// An exported JSON response accepts what content_type_conformance accepts: application/json with parameters and a
/// vendor +json type; another media type still fails the interaction.
/// </summary>
public sealed class ExportedContentTypeTests
{
    [TestCase("application/vnd.notes+json", true)]
    [TestCase("application/json; charset=utf-8", true)]
    [TestCase("text/plain", false)]
    public async Task Verify_ExportedGetNote_ContentTypeJudgedAsTheCheckDoes(string contentType, bool passes)
    {
        using var folder = new TempFolder();
        var export = ExportedPacks.Export("notes");
        var interaction = export.Pact.Interactions.Single(i => i.Description == "notes / get_note / valid -> 200");
        var file = PactWriter.Write(export.Pact with { Interactions = [interaction] }, folder.Path);
        await using var provider = await LoopbackApp.StartAsync(web => web.MapGet("/v1/notes/{id}", (HttpContext http) =>
            Results.Text("""{"id":11001,"customer_id":1001,"body":"Called to confirm the appointment.","created_at":"2018-02-22T20:55:57Z"}""", contentType)));

        var result = PactVerifier.Verify(new PactVerifierOptions("notes", provider.BaseUri), PactSource.Files([file]));

        Assert.That(result.Passed, Is.EqualTo(passes), result.Output);
    }
}
