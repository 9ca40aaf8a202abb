namespace Twinning.Web.Resources;

/// <summary>Marker for validation messages (ValidationResource.resx and its 23 translations).</summary>
public sealed class ValidationResource;
