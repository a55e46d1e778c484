/**
 * The one place the Formula view asks the document model (src/recognize, issue 16) what is under the
 * cursor: the same model the hover reads, cached per document version, queried in O(log n). Pure: no 'vscode'.
 */
import { documentModel, languageFamily, type Site } from '../../recognize';

/** The recognised call (activation, loss, attribute use, tensor method, own implementation) at `offset`. */
export function siteAt(text: string, offset: number, languageId: string, key: string, version: number): Site | undefined {
  return documentModel(text, languageId, version, key)?.siteAt(offset);
}

/**
 * The site whose arguments hold the parameters: for `self.act(x)` / `act(x)` the assignment it resolves to
 * (`self.act = nn.LeakyReLU(0.2)`), else the site itself.
 */
export function argumentSite(site: Site): Site {
  return (site.form === 'attribute' || site.form === 'alias') && site.target ? site.target : site;
}

/** 'python' or 'js' for a language the recognizer reads, else undefined. */
export function familyOf(languageId: string): 'python' | 'js' | undefined {
  return languageFamily(languageId);
}
