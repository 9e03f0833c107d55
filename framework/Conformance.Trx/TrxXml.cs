using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Conformance.Trx;

/// <summary>Serializes a TRX document with <see cref="XmlWriter"/>: UTF-8 without byte order mark, indented.</summary>
internal static class TrxXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    };

    /// <summary>Writes <paramref name="document"/> to <paramref name="stream"/> (left open).</summary>
    public static void Write(XDocument document, Stream stream)
    {
        using var writer = XmlWriter.Create(stream, Settings);
        document.Save(writer);
    }

    /// <summary>The document as the file would hold it.</summary>
    public static string ToText(XDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
