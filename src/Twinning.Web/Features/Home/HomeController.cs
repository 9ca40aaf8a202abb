using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Twinning.Web.Features.Home;

/// <summary>The public pages: home, privacy notice, accessibility statement, imprint.</summary>
[AllowAnonymous]
public sealed class HomeController(IConfiguration configuration) : Controller
{
    [HttpGet]
    public IActionResult Index() => View();

    [HttpGet]
    public IActionResult Privacy() => View();

    [HttpGet]
    public IActionResult Accessibility() => View();

    /// <summary>The legal imprint is the operator's own text, from <c>Site:ImprintText</c>.</summary>
    [HttpGet]
    public IActionResult Imprint() => View(model: configuration["Site:ImprintText"]);
}
