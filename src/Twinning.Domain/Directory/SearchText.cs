using System.Globalization;
using System.Text;

namespace Twinning.Domain.Directory;

/// <summary>
/// The form of a name that search compares: lower case, without diacritics, with the letters that do
/// not decompose spelled out ("Köln" → "koln", "Łódź" → "lodz", "Straße" → "strasse", "Θεσσαλονίκη" → "θεσσαλονικη").
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c) || c is '-' or '\'' or '’' or '.' or ',' or '/' or '(' or ')')
            {
                if (!lastWasSpace && builder.Length > 0)
                    builder.Append(' ');
                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case 'ß': builder.Append("ss"); break;
                case 'ø': builder.Append('o'); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ł': builder.Append('l'); break;
                case 'đ': builder.Append('d'); break;
                case 'ħ': builder.Append('h'); break;
                case 'ı': builder.Append('i'); break;
                case 'þ': builder.Append("th"); break;
                case 'ð': builder.Append('d'); break;
                case 'ς': builder.Append('σ'); break;
                default: builder.Append(lower); break;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
