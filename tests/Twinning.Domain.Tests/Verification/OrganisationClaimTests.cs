using Twinning.Domain.Directory;
using Twinning.Domain.Verification;

namespace Twinning.Domain.Tests.Verification;

public sealed class OrganisationClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static OrganisationClaim Pending() => OrganisationClaim.ForExisting("officer", 7, "de", "Twinning officer", "a@town.example", "", Now);

    [Fact]
    public void An_approval_records_who_and_when()
    {
        var claim = Pending();

        claim.Approve("validator", Now.AddDays(1));

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal("validator", claim.DecidedByUserId);
        Assert.Equal(Now.AddDays(1), claim.DecidedAt);
        Assert.Equal("DE", claim.CountryCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_always_says_why(string reason) =>
        Assert.Throws<ArgumentException>(() => Pending().Reject("validator", reason, Now));

    [Fact]
    public void A_claim_is_decided_once()
    {
        var claim = Pending();
        claim.Reject("validator", "Not a council address.", Now);

        Assert.Throws<InvalidOperationException>(() => claim.Approve("other", Now));
    }

    [Fact]
    public void Nobody_decides_on_their_own_claim() =>
        Assert.Throws<InvalidOperationException>(() => Pending().Approve("officer", Now));

    [Fact]
    public void Municipalities_are_claimed_from_the_directory_not_added_again() =>
        Assert.Throws<ArgumentException>(() => OrganisationClaim.ForNew("u", "Newtown", OrganisationKind.Municipality, "IE", "clerk", "x@y.ie", "", Now));

    [Fact]
    public void A_new_organisation_gets_its_id_when_approved()
    {
        var claim = OrganisationClaim.ForNew("u", "Région Sud", OrganisationKind.Region, "FR", "chargée de mission", "x@region.example", "", Now);
        claim.Approve("validator", Now);

        claim.Created(42);

        Assert.Equal(42, claim.OrganisationId);
        Assert.Throws<InvalidOperationException>(() => claim.Created(43));
    }

    [Theory]
    [InlineData("DE", false, new[] { "DE", "AT" }, true)]
    [InlineData("FR", false, new[] { "DE", "AT" }, false)]
    [InlineData("FR", true, new string[0], true)]
    public void Validators_decide_for_their_associations_countries_and_admins_everywhere(string country, bool isAdmin, string[] covered, bool expected) =>
        Assert.Equal(expected, VerificationRules.MayDecide(country, isAdmin, covered));

    [Fact]
    public void An_association_covers_at_least_one_country() =>
        Assert.Throws<ArgumentException>(() => new Association("Empty", [], Now));
}
