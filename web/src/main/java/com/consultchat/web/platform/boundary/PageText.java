package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of the page being drawn, in the page's language: {@code #{text['key']}} in a page,
 * {@link #format} in a view's messages.
 */
@Named("text")
@RequestScoped
public class PageText extends AbstractMap<String, String> {

  @Inject Words words;

  /** The language of the page: the one its {@code f:view} chose. */
  public Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    UIViewRoot root = faces == null ? null : faces.getViewRoot();
    return root == null || root.getLocale() == null ? Locale.ENGLISH : root.getLocale();
  }

  @Override
  public String get(Object key) {
    return words.get(locale(), String.valueOf(key));
  }

  @Override
  public boolean containsKey(Object key) {
    return words.all(locale()).containsKey(key);
  }

  /** A text with its {@code {0}}, {@code {1}}… filled in. */
  public String format(String key, Object... arguments) {
    return words.format(locale(), key, arguments);
  }

  /** A refusal in the page's language. */
  public String refusal(Refused refused) {
    return words.refusal(locale(), refused);
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return words.all(locale()).entrySet();
  }
}
