namespace Twinning.Web.Features;

/// <summary>One checkbox of a <see cref="ChoiceGroup"/>; <see cref="Lang"/> when the label is in another language.</summary>
public sealed record Choice(string Value, string Label, bool Checked, string? Lang = null);

/// <summary>
/// A fieldset of checkboxes that post under one name (countries, bands, themes, languages...), rendered
/// by _ChoiceGroup.cshtml; collapsible groups open when something is chosen.
/// </summary>
public sealed record ChoiceGroup(string Name, string Legend, IReadOnlyList<Choice> Choices, bool Collapsible = false, string? Hint = null)
{
    public int CheckedCount => Choices.Count(c => c.Checked);
}
