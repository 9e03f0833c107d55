using System.Text;

namespace Conformance.Import;

/// <summary>Operation ids as packs write them: snake_case ASCII (<c>getNoteById</c> -> <c>get_note_by_id</c>).</summary>
internal static class Identifier
{
    public static string SnakeCase(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(text[i - 1]) || char.IsAsciiDigit(text[i - 1])) && result.Length > 0 && result[^1] != '_')
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else if (result.Length > 0 && result[^1] != '_')
            {
                result.Append('_');
            }
        }

        var id = result.ToString().Trim('_');
        return id.Length == 0 ? "operation" : char.IsAsciiDigit(id[0]) ? "op_" + id : id;
    }
}
