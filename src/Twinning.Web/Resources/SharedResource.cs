namespace Twinning.Web.Resources;

/// <summary>Marker for the interface strings (SharedResource.resx and its 23 translations).</summary>
public sealed class SharedResource;
