using SafetyTests.Json;

namespace SafetyTests.Core.Tests.Json;

public class JsonPathTests
{
    [Fact]
    public void ToString_TopLevelProperty_IsItsName()
    {
        ((JsonPath)"schemaVersion").ToString().ShouldBe("schemaVersion");
    }

    [Fact]
    public void ToString_ArrayElement_HasTheIndexInBrackets()
    {
        JsonPath.Element("cases", 0).ToString().ShouldBe("cases[0]");
        JsonPath.Element("cases", 123456).ToString().ShouldBe("cases[123456]");
    }

    [Fact]
    public void ToString_ChildrenOfAnElement_AreJoinedWithDots()
    {
        JsonPath at = JsonPath.Element("cases", 3);

        at.Child("samples").ToString().ShouldBe("cases[3].samples");
        at.Child("design").Child("alpha").ToString().ShouldBe("cases[3].design.alpha");
        at.Child("design").Child("alpha").Child("x").ToString().ShouldBe("cases[3].design.alpha.x");
        at.Child("design").Child("alpha").Child("x").Child("y").Child("z").ToString().ShouldBe("cases[3].design.alpha.x.y.z");
    }

    [Fact]
    public void ToString_ChildrenOfAProperty_AreJoinedWithDots()
    {
        JsonPath settings = "settings";

        settings.Child("severityWeights").Child("high").ToString().ShouldBe("settings.severityWeights.high");
        settings.Child("a").Child("b").Child("c").ToString().ShouldBe("settings.a.b.c");
    }

    [Fact]
    public void Child_LeavesTheParentUnchanged()
    {
        JsonPath design = JsonPath.Element("cases", 1).Child("design");

        design.Child("alpha").ToString().ShouldBe("cases[1].design.alpha");
        design.Child("beta").ToString().ShouldBe("cases[1].design.beta");
        design.ToString().ShouldBe("cases[1].design");
    }
}
