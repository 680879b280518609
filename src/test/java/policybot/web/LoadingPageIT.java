package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import policybot.TestEngine;
import policybot.index.LiveIndex;

/** A chat page opened while the policies are still loading picks them up by itself. */
class LoadingPageIT {
  @TempDir Path dir;

  @Test
  void should_say_it_is_loading_and_show_the_schools_once_ready() throws Exception {
    Path corpus = dir.resolve("corpus");
    LiveIndex index = LiveIndex.start(corpus, dir.resolve("index"), Duration.ofMillis(200), TestEngine.embedder());
    try (index;
        WebServer server = WebServer.start(WebFixture.config(corpus, 10), index, TestEngine.CLOCK);
        Browser browser = new Browser()) {
      browser.driver().get("http://localhost:" + server.port() + "/");
      assertThat(browser.driver().findElement(By.id("pb_loading")).getText()).contains("still loading");
      assertThat(browser.driver().findElements(By.cssSelector("#pb_school option"))).isEmpty();

      Files.move(WebFixture.copyCorpus(dir.resolve("incoming")), corpus);

      new WebDriverWait(browser.driver(), WebFixture.BUILD_TIMEOUT)
          .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pb_school option"), 5));
      assertThat(browser.driver().findElements(By.id("pb_loading"))).isEmpty();
    }
  }
}
