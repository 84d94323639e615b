// Builds elements from data without innerHTML, so nothing from the store is ever parsed as markup.
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function localTime(text) {
  return text ? text.replace('T', ' ').slice(0, 19) : '';
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined));
}
