using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Twinning.Web.TagHelpers;

/// <summary>
/// One labelled form field the accessible way: label bound to the input, hint and error tied to it with
/// aria-describedby, aria-invalid on error, and the error written as text (never colour alone).
/// <code>&lt;field asp-for="Email" label="…" type="email" autocomplete="email" /&gt;</code>
/// Checkboxes (type="checkbox") get Bootstrap's form-check layout.
/// </summary>
[HtmlTargetElement("field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Hint { get; set; }

    public string? Inputmode { get; set; }

    public bool Required { get; set; }

    /// <summary>The most characters the field takes (the server checks it too).</summary>
    public int? Maxlength { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var hasError = errors is { Count: > 0 };
        var isCheckbox = string.Equals(Type, "checkbox", StringComparison.OrdinalIgnoreCase);
        var isTextArea = string.Equals(Type, "textarea", StringComparison.OrdinalIgnoreCase);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", isCheckbox ? "form-check mb-3" : "mb-3");

        var input = isTextArea ? new TagBuilder("textarea") : new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        if (isTextArea)
            input.Attributes["rows"] = "5";
        else
            input.Attributes["type"] = Type;
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.AddCssClass(isCheckbox ? "form-check-input" : "form-control");
        if (isCheckbox)
        {
            input.Attributes["value"] = "true";
            if (For.Model is true)
                input.Attributes["checked"] = "checked";
        }
        else if (!string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase))
        {
            var value = entry?.AttemptedValue ?? Convert.ToString(For.Model, CultureInfo.CurrentCulture) ?? string.Empty;
            if (isTextArea)
                input.InnerHtml.Append(value);
            else
                input.Attributes["value"] = value;
        }

        if (Autocomplete is not null)
            input.Attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null)
            input.Attributes["inputmode"] = Inputmode;
        if (Required)
            input.Attributes["aria-required"] = "true";
        if (Maxlength is { } maxlength)
            input.Attributes["maxlength"] = maxlength.ToString(CultureInfo.InvariantCulture);

        var describedBy = new List<string>();
        if (Hint is not null)
            describedBy.Add(id + "-hint");
        if (hasError)
        {
            describedBy.Add(id + "-error");
            input.Attributes["aria-invalid"] = "true";
            input.AddCssClass("is-invalid");
        }
        if (describedBy.Count > 0)
            input.Attributes["aria-describedby"] = string.Join(' ', describedBy);

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.AddCssClass(isCheckbox ? "form-check-label" : "form-label");
        label.InnerHtml.Append(Label);

        if (isCheckbox)
        {
            output.Content.AppendHtml(input);
            output.Content.AppendHtml(label);
            // An unchecked box posts nothing; the hidden field makes the value false rather than missing.
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{System.Net.WebUtility.HtmlEncode(name)}\" value=\"false\" />");
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(input);
        }

        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.Attributes["id"] = id + "-hint";
            hint.AddCssClass("form-text");
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }

        if (hasError)
        {
            var error = new TagBuilder("div");
            error.Attributes["id"] = id + "-error";
            error.AddCssClass("invalid-feedback d-block");
            error.InnerHtml.Append(string.Join(' ', errors!.Select(e => e.ErrorMessage)));
            output.Content.AppendHtml(error);
        }
    }
}
