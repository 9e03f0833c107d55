using Conformance.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conformance.Import;

/// <summary>
/// Where a JSON Pointer of an OpenAPI document (JSON or YAML) is in its text: the line and column of the value, else of
/// its nearest ancestor the text holds, else the file's start (the OpenAPI reader keeps no positions). Read only when a
/// message needs a place.
/// </summary>
internal static class DocumentPositions
{
    public static SourceLocation Locate(string file, string displayPath, string pointer)
    {
        YamlNode node;
        try
        {
            using var reader = File.OpenText(file);
            var stream = new YamlStream();
            stream.Load(reader);
            node = stream.Documents[0].RootNode;
        }
        catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return SourceLocation.FileStart(displayPath);
        }

        foreach (var token in Conformance.Tables.JsonPointer.Tokens(pointer))
        {
            YamlNode? next = node switch
            {
                YamlMappingNode map => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode key && key.Value == token).Value,
                YamlSequenceNode list when int.TryParse(token, out var i) && i >= 0 && i < list.Children.Count => list.Children[i],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            node = next;
        }

        return new SourceLocation(displayPath, (int)node.Start.Line, (int)node.Start.Column);
    }
}
