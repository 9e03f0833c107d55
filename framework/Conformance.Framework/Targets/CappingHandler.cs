using System.Buffers;
using System.Net;

namespace Conformance.Targets;

/// <summary>
/// Reads each response body itself, at most the cap plus one byte, within the request's cancellation, so a huge,
/// endless or dripping body costs bounded memory and time; a body whose Content-Length already exceeds the cap is not
/// read at all. Records truncation on the request's options.
/// </summary>
internal sealed class CappingHandler(HttpMessageHandler inner, int maxBodyBytes) : DelegatingHandler(inner)
{
    public static readonly HttpRequestOptionsKey<CaptureInfo> CaptureKey = new("conformance.capture");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // The header values as the target wrote them, read before anything parses them: .NET rewrites a parsed value
        // (a Retry-After date in UTC comes back in GMT, `Allow: GET,HEAD` as `GET, HEAD`), which would hide a malformed one.
        var raw = RawHeaders(response);
        var declared = response.Content.Headers.ContentLength;
        var declaredTooLarge = declared > maxBodyBytes && request.Method != HttpMethod.Head;
        // Known before the body is read, so a body that fails to arrive can still be explained by the head (two Content-Lengths).
        request.Options.TryGetValue(CaptureKey, out var capture);
        capture?.RawHeaders = raw;
        // After a 101 the content is the raw connection, now speaking another protocol: no HTTP body follows, and reading
        // one would wait for the timeout. ResponseReader reports the switch.
        var switched = response.StatusCode == HttpStatusCode.SwitchingProtocols;
        // Content-Length values that disagree leave the body's length unknown: .NET reads by the first, which waits for the
        // timeout when the body is shorter and the connection stays open. Not read; ResponseReader reports the framing.
        var unframed = response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var lengths)
            && (lengths.Count > 1 || lengths.ToString().Contains(',', StringComparison.Ordinal))
            && ReplyFaults.Disagreeing(raw) is not null;
        // Sized from Content-Length when it is honest and small; the read buffer is pooled (a fresh 64 KiB per
        // response was most of the allocation of a large run).
        using var collected = new MemoryStream(declared is > 0 and var d && d <= maxBodyBytes ? (int)d : 0);
        if (!declaredTooLarge && !switched && !unframed)
        {
            // Never read more than the cap plus one byte: an endless, dripping or decompression-bomb body stops here.
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBodyBytes + 1, 16 * 1024));
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                int read;
                while (collected.Length <= maxBodyBytes && (read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    collected.Write(buffer, 0, read);
                }
            }
            catch (Exception ex) when (ex is System.IO.InvalidDataException || (ex is InvalidOperationException && ex.Source?.StartsWith("System.IO.Compression", StringComparison.Ordinal) == true))
            {
                // gzip/deflate (InvalidDataException) or br (InvalidOperationException) data that does not decode: the target answered, its body is corrupt.
                throw new HttpRequestException(HttpRequestError.InvalidResponse,
                    $"the {(int)response.StatusCode} response's compressed body (Content-Encoding) could not be decoded after {collected.Length} bytes: {ex.Message.TrimEnd('.')}");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var truncated = declaredTooLarge || collected.Length > maxBodyBytes;
        var bytes = collected.GetBuffer().AsSpan(0, (int)Math.Min(collected.Length, maxBodyBytes)).ToArray();
        if (capture is not null)
        {
            capture.Truncated = truncated;
            capture.DeclaredLength = declared;
        }

        var content = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var original = response.Content;
        response.Content = content;
        original.Dispose();
        return response;
    }

    private static List<KeyValuePair<string, string>> RawHeaders(HttpResponseMessage response) =>
        response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))
            .ToList();
}

/// <summary>Facts about a capture that the RestSharp response does not carry.</summary>
internal sealed class CaptureInfo
{
    public bool Truncated { get; set; }

    public long? DeclaredLength { get; set; }

    /// <summary>
    /// Every response header as the target sent it (values of one name joined by ", "); null before a response's head
    /// arrived, set before its body is read.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? RawHeaders { get; set; }

    public static void Attach(HttpRequestMessage message, CaptureInfo info) => message.Options.Set(CappingHandler.CaptureKey, info);
}
