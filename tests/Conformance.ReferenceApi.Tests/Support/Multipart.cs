namespace Conformance.ReferenceApi.Tests.Support;

/// <summary>Splits a multipart/mixed response into its parts' bodies (enough for the 207 batch tests).</summary>
internal static class Multipart
{
    public static async Task<IReadOnlyList<string>> ReadAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType ?? throw new AssertionException("No Content-Type.");
        var boundary = type.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var text = await response.Content.ReadAsStringAsync();
        return text.Split("--" + boundary)
            .Select(part => part.Trim())
            .Where(part => part.Length > 0 && part != "--")
            .Select(part => part[(part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Trim())
            .ToList();
    }

}
