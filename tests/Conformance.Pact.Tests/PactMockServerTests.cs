using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Pact.Tests;

public sealed class PactMockServerTests
{
    [Test]
    public void Start_Pact_ListensOnLoopback()
    {
        using var server = PactMockServer.Start(OrdersPact.Definition);

        Assert.Multiple(() =>
        {
            Assert.That(server.BaseUri.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.Port, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task AllMatched_EveryRequestSent_TrueAndNoMismatches()
    {
        using var server = PactMockServer.Start(OrdersPact.Definition);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var order = new HttpRequestMessage(HttpMethod.Get, "/orders/42");
        order.Headers.Add("Accept", "application/json");

        using var found = await http.SendAsync(order);
        using var missing = await http.GetAsync(new Uri("/orders/999", UriKind.Relative));
        using var search = await http.GetAsync(new Uri("/orders?status=OPEN&limit=10", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(found.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await found.Content.ReadAsStringAsync(), Is.EqualTo(OrdersPact.OrderBody));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(await missing.Content.ReadAsStringAsync()), JsonNode.Parse(OrdersPact.NotFoundBody)), Is.True);
            Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(server.AllMatched, Is.True);
            Assert.That(server.Mismatches(), Is.EqualTo("[]"));
            Assert.That(server.MismatchReport(), Is.Empty);
        });
    }

    [Test]
    public async Task Mismatches_MissingHeader_HeaderMismatchText()
    {
        using var server = PactMockServer.Start(OrdersPact.Definition);
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var response = await http.GetAsync(new Uri("/orders/42", UriKind.Relative));

        using var mismatches = JsonDocument.Parse(server.Mismatches());
        var requestMismatch = mismatches.RootElement.EnumerateArray().Single(m => m.GetProperty("type").GetString() == "request-mismatch");
        var detail = requestMismatch.GetProperty("mismatches")[0];
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(server.AllMatched, Is.False);
            Assert.That(requestMismatch.GetProperty("path").GetString(), Is.EqualTo("/orders/42"));
            Assert.That(detail.GetProperty("type").GetString(), Is.EqualTo("HeaderMismatch"));
            Assert.That(detail.GetProperty("mismatch").GetString(), Is.EqualTo("Expected a header 'Accept' but was missing"));
        });
    }

    [Test]
    public async Task Mismatches_UnknownPathAndUnsentRequests_NotFoundAndMissing()
    {
        using var server = PactMockServer.Start(OrdersPact.Definition);
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var response = await http.GetAsync(new Uri("/orders/7", UriKind.Relative));

        using var mismatches = JsonDocument.Parse(server.Mismatches());
        var byType = mismatches.RootElement.EnumerateArray()
            .Select(m => $"{m.GetProperty("type").GetString()} {m.GetProperty("path").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.That(byType, Is.EqualTo(new[]
        {
            "missing-request /orders",
            "missing-request /orders/42",
            "missing-request /orders/999",
            "request-not-found /orders/7",
        }));
    }

    [Test]
    public async Task MismatchReport_WrongAndUnknownRequests_OneSortedLineEach()
    {
        using var server = PactMockServer.Start(OrdersPact.Definition);
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var wrong = await http.GetAsync(new Uri("/orders/42", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("/orders/7", UriKind.Relative));

        Assert.That(server.MismatchReport(), Is.EqualTo(
            "GET /orders/42: Expected a header 'Accept' but was missing\n"
            + "GET /orders/7: unexpected request, no interaction matches it\n"
            + "GET /orders/999: expected request was never received\n"
            + "GET /orders: expected request was never received"));
    }

    [Test]
    public async Task WritePact_AfterMatchedRequest_WritesServedPact()
    {
        using var folder = new TempFolder();
        var pact = OrdersPact.Definition with { Interactions = [OrdersPact.MissingOrder] };
        using var server = PactMockServer.Start(pact);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var response = await http.GetAsync(new Uri("/orders/999", UriKind.Relative));

        var path = server.WritePact(folder.Path);

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Multiple(() =>
        {
            Assert.That(server.AllMatched, Is.True);
            Assert.That(Path.GetFileName(path), Is.EqualTo("orders-ui-orders-api.json"));
            Assert.That(written.RootElement.GetProperty("interactions").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Mismatches_AfterDispose_Throws()
    {
        var server = PactMockServer.Start(OrdersPact.Definition);
        server.Dispose();

        Assert.That(server.Mismatches, Throws.TypeOf<ObjectDisposedException>());
    }
}
