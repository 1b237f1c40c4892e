package dev.cemap.analyzer.api;

import dev.cemap.analyzer.replay.ApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The CE APIs the replay models and the SDK functions whose effects it knows, read from
 * {@code ce-apis.xml} (validated against {@code ce-apis.xsd}), each API with its model.
 */
public final class ApiTable {

    private static final String RESOURCE = "ce-apis.xml";
    private static final String SCHEMA = "ce-apis.xsd";
    private static final ApiTable STANDARD = load();

    private final Map<String, ApiSpec> apis;
    private final Map<String, LibraryFunction> library;
    private final Map<String, ApiModel> models;

    private ApiTable(Map<String, ApiSpec> apis, Map<String, LibraryFunction> library) {
        this.apis = apis;
        this.library = library;
        this.models = Models.byName();
        for (ApiSpec api : apis.values()) {
            if (!models.containsKey(api.model())) {
                throw new IllegalStateException(RESOURCE + ": no model " + api.model() + " for " + api.name());
            }
        }
    }

    public static ApiTable standard() {
        return STANDARD;
    }

    public Optional<ApiSpec> api(String name) {
        return Optional.ofNullable(apis.get(name));
    }

    public ApiModel modelOf(ApiSpec api) {
        return models.get(api.model());
    }

    public Optional<LibraryFunction> library(String name) {
        return Optional.ofNullable(library.get(name));
    }

    /** The APIs whose callers are mapping wrappers. */
    public Set<String> mappingApiNames() {
        return apis.values().stream().filter(ApiSpec::mapsMemory).map(ApiSpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static ApiTable load() {
        try (InputStream xml = ApiTable.class.getResourceAsStream(RESOURCE);
                InputStream xsd = ApiTable.class.getResourceAsStream(SCHEMA)) {
            if (xml == null || xsd == null) {
                throw new IllegalStateException(RESOURCE + " or " + SCHEMA + " is missing from the class path");
            }
            return parse(xml, xsd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a table; public for the test that checks the shipped file. */
    public static ApiTable parse(InputStream xml, InputStream xsd) throws IOException {
        try {
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            Schema schema = schemas.newSchema(new StreamSource(xsd));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setSchema(schema);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new StrictErrors());
            Document document = builder.parse(xml);
            return new ApiTable(apis(document), library(document));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException(RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }

    private static Map<String, ApiSpec> apis(Document document) {
        Map<String, ApiSpec> apis = new LinkedHashMap<>();
        for (Element api : children(document.getDocumentElement(), "api")) {
            List<String> roles = children(api, "param").stream().map(p -> p.getAttribute("role")).toList();
            apis.put(api.getAttribute("name"), new ApiSpec(api.getAttribute("name"), api.getAttribute("model"), roles,
                    Boolean.parseBoolean(api.getAttribute("maps-memory"))));
        }
        return apis;
    }

    private static Map<String, LibraryFunction> library(Document document) {
        Map<String, LibraryFunction> functions = new LinkedHashMap<>();
        for (Element function : children(document.getDocumentElement(), "library")) {
            List<LibraryFunction.Effect> effects = children(function, "param").stream()
                    .map(p -> LibraryFunction.Effect.of(p.getAttribute("effect"))).toList();
            functions.put(function.getAttribute("name"), new LibraryFunction(function.getAttribute("name"), effects,
                    Boolean.parseBoolean(function.getAttribute("variadic"))));
        }
        return functions;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** Schema violations are errors, not warnings printed to stderr. */
    private static final class StrictErrors implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
