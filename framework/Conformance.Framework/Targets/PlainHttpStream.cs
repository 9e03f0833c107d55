namespace Conformance.Targets;

/// <summary>
/// A plain-HTTP (http://) connection whose first byte is looked at once: an HTTP/1.x reply starts with "HTTP/", and one
/// starting 0x15 (alert) or 0x16 (handshake) is a TLS record, the port speaking HTTPS. That read fails with
/// <see cref="TlsReplyException"/>, which reaches the request that read it; .NET alone would wait for a status line and
/// report the closed connection as a response cut short. Every later read goes straight to the connection.
/// </summary>
internal sealed class PlainHttpStream(Stream inner) : Stream
{
    private bool looked;

    /// <summary>For <see cref="SocketsHttpHandler.PlaintextStreamFilter"/>: wraps an http:// connection, leaves a TLS one as it is.</summary>
    public static ValueTask<Stream> Filter(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttp ? new PlainHttpStream(context.PlaintextStream) : context.PlaintextStream);

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        looked || buffer.IsEmpty ? inner.ReadAsync(buffer, cancellationToken) : FirstReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer) => looked || buffer.IsEmpty ? inner.Read(buffer) : Look(buffer, inner.Read(buffer));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> FirstReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Look(buffer.Span, read);
    }

    private int Look(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0)
        {
            looked = true;
            if (buffer[0] is TlsReplyException.Alert or TlsReplyException.Handshake)
            {
                throw new TlsReplyException(buffer[0]);
            }
        }

        return read;
    }
}

/// <summary>A reply on an http:// connection whose first byte starts a TLS record.</summary>
internal sealed class TlsReplyException(byte first) : IOException($"The reply starts with byte 0x{first:X2}, a TLS record, not HTTP")
{
    public const byte Alert = 0x15;

    public const byte Handshake = 0x16;

    public byte First { get; } = first;
}
