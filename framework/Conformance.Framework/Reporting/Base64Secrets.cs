using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Conformance.Reporting;

/// <summary>
/// A secret inside base64 a target made of some text that holds it in any form (<see cref="EncodedForms.Base64"/> lists
/// the base64 of a few forms at each alignment; this finds the rest): a JSON document that escapes it twice, an HTML page,
/// a URL, URL-safe base64 without padding, base64 wrapped at 76 characters as MIME does, base64 inside base64. Each run of
/// <see cref="MinRun"/> or more characters that reads as base64 or base64url (<see cref="Base64Runs"/>) is decoded and
/// masked whole when what it decodes to holds a secret; a run that decodes to none (an image, a hash, an id, a word) stays
/// as it is. A run is read when it decodes to UTF-8 text, and masked as any text is (forms, pieces, escapes, its own runs,
/// <see cref="MaxDepth"/> deep); other bytes (an image, a hash) are not read: a secret as it is, percent-encoded or
/// JSON-escaped, is found in them by <see cref="EncodedForms.Base64"/>'s forms. A path or an id may be glued to the run's
/// start (<c>/files/eyJ...</c>, <c>user_eyJ...</c>), so a run that does not decode to UTF-8 text from its first byte is
/// decoded again from after each <c>/</c>, <c>+</c>, <c>-</c> or <c>_</c> among its first 22 characters (3 more offsets at
/// most), and read as text when its bytes after the first <see cref="Glued"/> are UTF-8. At most <see cref="MaxDecoded"/>
/// bytes are decoded for one text.
/// </summary>
internal static class Base64Secrets
{
    /// <summary>Shorter runs stay as they are: 12 bytes, and a secret of 8 or more characters inside them is one of <see cref="EncodedForms.Base64"/>'s forms.</summary>
    public const int MinRun = 16;

    /// <summary>Base64 inside base64 inside base64, at most.</summary>
    public const int MaxDepth = 3;

    /// <summary>Decoded bytes for one text at most, every run, offset and depth together: a 1 MiB body of base64 at its 4 offsets.</summary>
    public const int MaxDecoded = 3 << 20;

    /// <summary>Bytes a prefix glued to the run may spoil: the rest must be UTF-8 for the run to be read as text.</summary>
    private const int Glued = 16;

    /// <summary>The text with each run that decodes to something holding a form of a secret (<paramref name="forms"/>, folded, longest first; <paramref name="search"/> searches them at once) masked.</summary>
    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        var budget = MaxDecoded;
        return Hits(text, (forms, search), 1, ref budget) is { } hits ? SecretMatches.Apply(text, hits) : text;
    }

    private static List<(int Start, int End)>? Hits(string text, (IReadOnlyList<string> Forms, SearchValues<string> Search) known, int depth, ref int budget)
    {
        List<(int Start, int End)>? hits = null;
        var chars = ArrayPool<char>.Shared.Rent(text.Length + 2);
        try
        {
            for (var at = 0; budget > 0 && Base64Runs.Next(text, at, chars) is var (start, end, count);)
            {
                at = end;
                var offsets = Offsets(chars, count);
                for (var offset = 0; offset < 4 && budget > 0; offset++)
                {
                    if ((offsets & (1 << offset)) == 0)
                    {
                        continue;
                    }

                    var (decoded, aligned) = Decode(chars, offset, count, ref budget);
                    if (decoded is not null && Holds(decoded, known, depth, ref budget))
                    {
                        (hits ??= []).Add((start, end));
                        break;
                    }

                    if (aligned)
                    {
                        break; // text from its first byte: the run starts where its base64 does
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return hits;
    }

    /// <summary>
    /// The offsets to decode the run from, as bits: 0, and where a prefix glued to it may end, after each <c>+</c> or
    /// <c>/</c> (<c>-</c> or <c>_</c> as written) in the characters a glued prefix may take (a path, <c>user_</c>).
    /// </summary>
    private static int Offsets(char[] chars, int count)
    {
        var offsets = 1;
        var prefix = chars.AsSpan(0, Math.Min(count, (Glued * 4 / 3) + 1));
        for (var at = prefix.IndexOfAny('+', '/'); at >= 0; at = prefix[(at + 1)..].IndexOfAny('+', '/') is var next and >= 0 ? at + 1 + next : -1)
        {
            offsets |= 1 << ((at + 1) % 4);
        }

        return offsets;
    }

    /// <summary>A form of a secret in the decoded text, read through its pieces and escapes, or in a run inside it.</summary>
    private static bool Holds(string decoded, (IReadOnlyList<string> Forms, SearchValues<string> Search) known, int depth, ref int budget) =>
        !ReferenceEquals(WrappedSecrets.Mask(SecretMatches.Mask(decoded, known.Forms, known.Search), known.Forms, known.Search), decoded)
        || (depth < MaxDepth && Hits(decoded, known, depth + 1, ref budget) is not null);

    /// <summary>
    /// The run's base64 characters from <paramref name="offset"/> on, padded and decoded as UTF-8 when they are UTF-8 (but
    /// for a glued prefix); null when they are other bytes. Aligned: UTF-8 from the first byte.
    /// </summary>
    private static (string? Decoded, bool Aligned) Decode(char[] chars, int offset, int count, ref int budget)
    {
        var length = count - offset;
        length -= length % 4 == 1 ? 1 : 0;
        var padded = length + ((4 - (length % 4)) % 4);
        chars.AsSpan(offset + length, padded - length).Fill('=');
        var rented = ArrayPool<byte>.Shared.Rent(padded / 4 * 3);
        try
        {
            if (!Convert.TryFromBase64Chars(chars.AsSpan(offset, padded), rented, out var written))
            {
                return (null, false);
            }

            budget -= written;
            var bytes = rented.AsSpan(0, written);
            if (Utf8.IsValid(bytes))
            {
                return (Encoding.UTF8.GetString(bytes), true);
            }

            var rest = bytes[Math.Min(Glued, bytes.Length)..];
            while (rest.Length > 0 && (rest[0] & 0xC0) == 0x80)
            {
                rest = rest[1..]; // a character the cut began inside
            }

            return (rest.Length > 0 && Utf8.IsValid(rest) ? Encoding.UTF8.GetString(bytes) : null, false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
