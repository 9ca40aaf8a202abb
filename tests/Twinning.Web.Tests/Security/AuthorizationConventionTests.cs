using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Twinning.Web.Tests.Security;

/// <summary>No action is open or closed by accident: each says who may call it.</summary>
public sealed class AuthorizationConventionTests
{
    public static IEnumerable<MethodInfo> Actions() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsDefined(typeof(NonActionAttribute)));

    [Fact]
    public void The_web_project_has_controllers_to_check() =>
        Assert.True(Actions().Count() >= 30, "The reflection found too few actions; the test would prove nothing.");

    [Fact]
    public void Every_action_names_a_policy_or_allows_anonymous_callers()
    {
        var unmarked = Actions()
            .Where(m =>
            {
                var attributes = m.GetCustomAttributes(inherit: true).Concat(m.DeclaringType!.GetCustomAttributes(inherit: true)).ToList();
                var anonymous = attributes.OfType<AllowAnonymousAttribute>().Any();
                var withPolicy = attributes.OfType<AuthorizeAttribute>().Any(a => !string.IsNullOrEmpty(a.Policy));
                return !anonymous && !withPolicy;
            })
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.True(unmarked.Count == 0, "Actions without [Authorize(Policy = ...)] or [AllowAnonymous]: " + string.Join(", ", unmarked));
    }

    [Fact]
    public void No_action_is_both_anonymous_and_protected()
    {
        var both = Actions()
            .Where(m => m.IsDefined(typeof(AllowAnonymousAttribute)) && (m.IsDefined(typeof(AuthorizeAttribute)) || m.DeclaringType!.IsDefined(typeof(AuthorizeAttribute))))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Empty(both);
    }
}
