namespace Twinning.Web.Resources;

/// <summary>Marker for e-mail texts (EmailResource.resx and its 23 translations).</summary>
public sealed class EmailResource;
